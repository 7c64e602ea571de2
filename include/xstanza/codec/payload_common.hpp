// xstanza: what the extension payloads' codecs (codec/disco.hpp, bind.hpp, delay.hpp,
// caps.hpp) read the same way, each read next to its write.
#ifndef XSTANZA_CODEC_PAYLOAD_COMMON_HPP
#define XSTANZA_CODEC_PAYLOAD_COMMON_HPP

#include <optional>
#include <string_view>

#include "../model/error.hpp"
#include "../model/jid.hpp"
#include "../xml/element.hpp"
#include "common.hpp"

namespace xstanza {
namespace detail {

// RFC 7622: a JID in a payload's attribute, read into `out`. A bad one breaks the payload's
// specification (`rule` names the section requiring a JID there): errc::invalid_payload at
// the offending byte, the JID parser's message after it.
inline codec_error read_payload_jid(const attribute& a, std::string_view what, std::optional<Jid>& out,
                                    std::string_view rule) noexcept {
    codec_error err = read_jid(a, what, out);
    if (!err) return err;
    return codec_error::make(errc::invalid_payload, err.offset(), err.message(), " (", rule, ")");
}

}  // namespace detail
}  // namespace xstanza

#endif  // XSTANZA_CODEC_PAYLOAD_COMMON_HPP
