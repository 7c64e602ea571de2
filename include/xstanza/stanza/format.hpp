// xstanza: fmt::formatter for what stanza/ostream.hpp prints (Jid, the enumerations,
// StanzaError, codec_error, Iq<...> and AnyIq, and session/tracker.hpp's enumerations), with the
// same text as operator<<, so `fmt::format("{} {}", iq.type, error)` works in logs. {fmt} is no
// dependency of xstanza: the formatters are compiled only when the program asks for them by
// defining XSTANZA_FMT (before including xstanza, or -DXSTANZA_FMT) and {fmt} is on the
// include path (Debian: libfmt-dev). Width and alignment apply to the whole text: "{:>20}".
#ifndef XSTANZA_STANZA_FORMAT_HPP
#define XSTANZA_STANZA_FORMAT_HPP

#include "ostream.hpp"

#if defined(XSTANZA_FMT)
#if defined(__has_include)
#if !__has_include(<fmt/format.h>)
#error "XSTANZA_FMT is defined but <fmt/format.h> is not on the include path: install {fmt} (Debian: libfmt-dev), or do not define XSTANZA_FMT"
#endif
#endif

#include <fmt/format.h>

#include <sstream>
#include <string>
#include <type_traits>

namespace fmt {
/// Formats every type xstanza::is_printable<T> names as its operator<< text.
template <class T>
struct formatter<T, char, std::enable_if_t<xstanza::is_printable<T>::value>> : formatter<string_view, char> {
    template <class FormatContext>
    auto format(const T& value, FormatContext& ctx) const -> decltype(ctx.out()) {
        std::ostringstream os;
        os << value;
        const std::string text = os.str();
        return formatter<string_view, char>::format(string_view(text.data(), text.size()), ctx);
    }
};
}  // namespace fmt

#endif  // XSTANZA_FMT

#endif  // XSTANZA_STANZA_FORMAT_HPP
