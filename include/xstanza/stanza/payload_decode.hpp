// xstanza: one template decodes every payload, built-in or user-defined, through the
// extension point (model/payload.hpp): payload_parser<P> in whichever form it has.
#ifndef XSTANZA_STANZA_PAYLOAD_DECODE_HPP
#define XSTANZA_STANZA_PAYLOAD_DECODE_HPP

#include <type_traits>
#include <utility>

#include "../codec/context.hpp"
#include "../model/error.hpp"
#include "../model/payload.hpp"
#include "../xml/element.hpp"

namespace xstanza {
namespace detail {

// The forms of payload_parser<P>::parse: (e, context, out) -> codec_error, (e, context) ->
// result<P>, (e) -> result<P>.
template <class P, class = void>
struct parses_into : std::false_type {};
template <class P>
struct parses_into<P, std::void_t<decltype(codec_error(payload_parser<P>::parse(
                          std::declval<const element&>(), std::declval<payload_context&>(), std::declval<P&>())))>>
    : std::true_type {};
template <class P, class = void>
struct parses_with_context : std::false_type {};
template <class P>
struct parses_with_context<P, std::void_t<decltype(payload_parser<P>::parse(std::declval<const element&>(),
                                                                           std::declval<payload_context&>()))>>
    : std::true_type {};

// A payload whose AnyIq form is another type (payload_parser<P>::any_form) that narrows to it.
template <class P, class = void>
struct any_form {
    using type = void;
};
template <class P>
struct any_form<P, std::void_t<typename payload_parser<P>::any_form>> {
    using type = typename payload_parser<P>::any_form;
};

/// Decodes `e` as payload P into `out`: its name and namespace first, then its parser.
template <class P>
codec_error decode_payload(const element& e, payload_context& ctx, P& out) noexcept {
    const std::string_view local = e.name(), ns = e.ns();
    if (!same(local, payload_traits<P>::name) || !same(ns, payload_traits<P>::ns))
        return codec_error::make(errc::payload_mismatch, e.offset(), "expected <", payload_traits<P>::name, " xmlns='",
                                 payload_traits<P>::ns, "'>, found <", local, " xmlns='", ns, "'>");
    text_arena& texts = storage_access::texts(ctx.storage());
    (void)texts.take_failure();
    codec_error err;
    if constexpr (parses_into<P>::value) {
        err = payload_parser<P>::parse(e, ctx, out);
    } else {
        result<P> r = [&] {
            if constexpr (parses_with_context<P>::value) return payload_parser<P>::parse(e, ctx);
            else return payload_parser<P>::parse(e);
        }();
        if (r) out = std::move(*r);
        else err = r.error();
    }
    // A text the payload read through the view could not be decoded: whatever the payload's
    // parser made of the empty view, the cause is the memory.
    if (texts.take_failure())
        return codec_error::make(errc::out_of_memory, e.offset(), "out of memory decoding the text of <",
                                 payload_traits<P>::name, ">");
    return err;
}

}  // namespace detail
}  // namespace xstanza

#endif  // XSTANZA_STANZA_PAYLOAD_DECODE_HPP
