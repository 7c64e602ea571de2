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

template <class P, class = void>
struct parses_plain : std::false_type {};
template <class P>
struct parses_plain<P, std::void_t<decltype(result<P>(payload_parser<P>::parse(std::declval<const element&>())))>>
    : std::true_type {};

// Parsing an Iq<Type, P> needs payload_parser<P>, in one of its forms: said before any other error.
template <class P>
constexpr bool check_payload_parser() {
    static_assert(has_payload_parser<P>::value,
                  "parsing an Iq<Type, P>: payload_parser<P> is not specialised for this payload; define "
                  "template <> struct xstanza::payload_parser<P> { static xstanza::result<P> parse(const xstanza::element&) noexcept; } "
                  "(model/payload.hpp lists its forms, codec/ping.hpp is an example)");
    if constexpr (has_payload_parser<P>::value)
        static_assert(parses_into<P>::value || parses_with_context<P>::value || parses_plain<P>::value,
                      "payload_parser<P> has no parse function of the forms model/payload.hpp lists: "
                      "result<P> parse(const element&), result<P> parse(const element&, payload_context&), "
                      "codec_error parse(const element&, payload_context&, P&)");
    return has_payload_parser<P>::value && (parses_into<P>::value || parses_with_context<P>::value || parses_plain<P>::value);
}

// A payload whose AnyIq form is another type (payload_parser<P>::any_form) that narrows to it.
template <class P, class = void>
struct any_form {
    using type = void;
};
template <class P>
struct any_form<P, std::void_t<typename payload_parser<P>::any_form>> {
    using type = typename payload_parser<P>::any_form;
};

// A text the payload read through the view could not be decoded: whatever the payload's
// parser made of the empty view, the cause is the memory.
template <class P>
codec_error decode_out_of_memory(const element& e) noexcept {
    return codec_error::make(errc::out_of_memory, e.offset(), "out of memory decoding the text of <",
                             payload_traits<P>::name, ">");
}

/// Decodes `e` as payload P into `out`: its name and namespace first (unless the caller
/// matched them already), then its parser.
template <class P>
codec_error decode_payload(const element& e, payload_context& ctx, P& out, bool identity_checked = false) noexcept {
    if constexpr (!check_payload_parser<P>()) {
        return {};
    } else {
    if (!identity_checked && !e.is(payload_traits<P>::name, payload_traits<P>::ns))
        return codec_error::make(errc::payload_mismatch, e.offset(), "expected <", payload_traits<P>::name, " xmlns='",
                                 payload_traits<P>::ns, "'>, found <", e.name(), " xmlns='", e.ns(), "'>");
    // Decoding in place never allocates; out of place (a view of an opaque payload) it may fail.
    text_arena* texts = element_access::context(e).in_place ? nullptr : &storage_access::texts(ctx.storage());
    if (texts) (void)texts->take_failure();
    if constexpr (parses_into<P>::value) {
        if (codec_error err = payload_parser<P>::parse(e, ctx, out))
            return texts && texts->take_failure() ? decode_out_of_memory<P>(e) : err;
    } else {
        result<P> r = [&] {
            if constexpr (parses_with_context<P>::value) return payload_parser<P>::parse(e, ctx);
            else return payload_parser<P>::parse(e);
        }();
        if (!r) return texts && texts->take_failure() ? decode_out_of_memory<P>(e) : r.error();
        out = std::move(*r);
    }
    if (texts && texts->take_failure()) return decode_out_of_memory<P>(e);
    return {};
    }
}

}  // namespace detail
}  // namespace xstanza

#endif  // XSTANZA_STANZA_PAYLOAD_DECODE_HPP
