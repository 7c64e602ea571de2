// xstanza: parsing bytes into typed stanzas. Zero-copy: parsed strings are views into
// the input buffer (decoded in place), parsed lists are views into the Parser's storage.
// The Parser is the engine: it loads the input into a tree and hands elements to the
// codecs (codec/), the built-in payloads' as any other, through the extension point.
#ifndef XSTANZA_STANZA_PARSER_HPP
#define XSTANZA_STANZA_PARSER_HPP

#include <cstddef>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "../codec/context.hpp"
#include "../codec/iq.hpp"
#include "../codec/opaque.hpp"
#include "../codec/roster.hpp"
#include "../codec/stanza_error.hpp"
#include "../model/error.hpp"
#include "../model/any_stanza.hpp"
#include "../model/iq.hpp"
#include "../model/jid.hpp"
#include "../model/limits.hpp"
#include "../model/payload.hpp"
#include "../model/rules.hpp"
#include "../model/stanza_error.hpp"
#include "../xml/dom.hpp"
#include "../xml/element.hpp"
#include "../xml/scan.hpp"
#include "checked.hpp"
#include "fill.hpp"
#include "payload_decode.hpp"

namespace xstanza {


/// A reusable parser. Keep one per thread (it is not shared-safe) and reuse it: after the
/// first parses have grown its buffers, parsing a small stanza allocates nothing.
///
/// Lifetime: a parse result holds views into (a) the input buffer for the in-situ
/// functions, or the Parser's own copy for parse(), and (b) the Parser's parse_storage
/// (lists such as roster items, texts decoded out of place).
/// They are valid until the next parse on this Parser, its destruction, or (in situ)
/// the buffer's end of life. Copy what you keep, or use owned() (see owned.hpp).
class Parser {
public:
    /// Never throws and allocates nothing: a parse that cannot grow its storage reports
    /// errc::out_of_memory.
    /// `r` says whose rules a parse applies (rules.hpp): by default a client's receiver rules,
    /// which accept what RFC 6120 and RFC 6121 tell a receiving client to accept (an unknown
    /// error condition, an unknown subscription value) and keep what they mapped or ignored.
    explicit Parser(parse_limits limits = {}, xstanza::rules r = xstanza::rules::receiver()) noexcept
        : limits_(limits), rules_(r) {}

    /// The limits parses apply.
    const parse_limits& limits() const noexcept { return limits_; }
    /// Changes the limits for the next parses.
    void set_limits(const parse_limits& limits) noexcept { limits_ = limits; }
    /// The rules parses apply.
    xstanza::rules rules() const noexcept { return rules_; }
    /// Changes the rules for the next parses.
    void set_rules(xstanza::rules r) noexcept { rules_ = r; }

    /// Parses `size` bytes at `data` in situ: the bytes are modified (references decoded
    /// in place) and results point into them. Like RapidXML, it needs one byte of padding:
    /// data[size] must be writable; xstanza stores '\0' there.
    /// T is AnyStanza (whatever arrives), AnyIq, AnyMessage, AnyPresence, or a typed stanza
    /// (Iq<Type, P>, Message<Type, Exts...>, Presence<Type, Exts...>) to require that type.
    template <class T>
    result<T> parse_in_situ(char* data, std::size_t size) noexcept {
        return parse_in_situ<T>(data, size, stream_context{});
    }

    /// In situ, for a stanza that arrived on a stream: it inherits the stream's content
    /// namespace and language (pass StreamReader::context()).
    template <class T>
    result<T> parse_in_situ(char* data, std::size_t size, const stream_context& stream) noexcept {
        static_assert(detail::is_parse_target_v<T>,
                      "Parser::parse<T>: T is a stanza: AnyStanza, AnyIq, Iq<Type, Payload>, AnyMessage, Message<Type>, "
                      "AnyPresence or Presence<Type>");
        if (codec_error e = load(data, size)) return e;
        stream_ = stream;
        return build<T>();
    }

    /// In situ on a std::string (its terminator is the padding byte).
    template <class T>
    result<T> parse_in_situ(std::string& buffer) noexcept {
        return parse_in_situ<T>(buffer.data(), buffer.size());
    }

    /// Copies `input` once into a buffer the Parser owns and reuses, then parses there.
    /// The caller's bytes are not touched; results point into the Parser's copy.
    template <class T>
    result<T> parse(std::string_view input) noexcept {
        return parse<T>(input, stream_context{});
    }

    /// The same for a stanza that arrived on a stream (see parse_in_situ with a context).
    template <class T>
    result<T> parse(std::string_view input, const stream_context& stream) noexcept {
        if (input.size() > limits_.max_input_bytes)
            return codec_error::make(errc::input_too_large, 0, "input larger than the limit");
#if defined(XSTANZA_CHECKED)
        // Checked mode (stanza/checked.hpp): each copy in pages of its own, the previous made unreadable.
        char* copy = checked_copy_.renew(input.size() + 1);
        if (!copy) return codec_error(errc::out_of_memory, 0, "out of memory copying the input");
        if (!input.empty()) std::memcpy(copy, input.data(), input.size());
        return parse_in_situ<T>(copy, input.size(), stream);
#else
        try {
            copy_.assign(input.data(), input.size());
        } catch (...) {
            return codec_error(errc::out_of_memory, 0, "out of memory copying the input");
        }
        return parse_in_situ<T>(copy_.data(), copy_.size(), stream);
#endif
    }

    /// Checks that `input` is a valid stanza (an IQ, a message or a presence) without keeping
    /// anything (copies, as parse()).
    codec_error validate(std::string_view input) noexcept {
        result<AnyStanza> r = parse<AnyStanza>(input);
        return r.error();
    }

    /// The element view of an opaque element of the latest parse (an AnyIq's payload, a
    /// message's or presence's extension), for reading it with your own code; nothing for any
    /// other OpaqueElement. It decodes out of place: the element's bytes stay as they came.
    [[nodiscard]] std::optional<element> view(const OpaqueElement& e) const noexcept {
        if (from_latest_payload(e)) return detail::element_access::make(last_payload_, opaque_context());
        if (detail::xnode* n = latest_child(e)) return detail::element_access::make(n, opaque_context());
        return std::nullopt;
    }

    /// Hands the storage of the latest parse (lists such as roster items, decoded texts) to
    /// `out`, taking out's in exchange; the parse's views stay valid (the memory moves with
    /// the storage, it is not copied). owned<T> keeps a parse this way.
    void release_storage(parse_storage& out) noexcept { out.swap(storage_); }

    /// Converts an AnyIq from the latest parse to a typed IQ, parsing an opaque payload
    /// with payload_parser<P>.
    template <class T>
    result<T> cast(const AnyIq& any) noexcept;

    /// Converts an AnyMessage or AnyPresence from the latest parse to Message<Type, Exts...> or
    /// Presence<Type, Exts...>: the first extension of each type Exts... is decoded with its
    /// payload_parser (out of place), the others stay in `extensions`.
    template <class T>
    result<T> cast(const AnyMessage& any) noexcept {
        static_assert(detail::is_message<T>::value, "Parser::cast<T>(AnyMessage): T is a Message<Type, Exts...>");
        return cast_stanza<T>(any, "message");
    }
    /// The same for a presence.
    template <class T>
    result<T> cast(const AnyPresence& any) noexcept {
        static_assert(detail::is_presence<T>::value, "Parser::cast<T>(AnyPresence): T is a Presence<Type, Exts...>");
        return cast_stanza<T>(any, "presence");
    }

private:
    codec_error load(char* data, std::size_t size) noexcept {
        storage_.clear();
        last_payload_ = nullptr;
        loaded_ = false;
        // One pass: the scanner validates and indexes the elements (no tree, no memory pool).
        if (codec_error e = scanner_.scan(data, size, limits_, index_)) return e;
        // (Re)set here: a moved-from Parser keeps no stale pointer.
        detail::text_arena* texts = &detail::storage_access::texts(storage_);
        context_ = detail::doc_context{data, texts, data + size, true};
        loaded_ = true;
        data[size] = '\0';  // the padding byte (the documented contract, as RapidXML's in-situ parse has it)
        return {};
    }

    element root() const noexcept { return detail::element_access::make(index_.root, &context_); }
    std::size_t root_offset() const noexcept { return root().offset(); }

    // The context of views of an opaque payload: the latest parse's, decoding out of place
    // (made when first needed: most parses never view an opaque payload).
    const detail::doc_context* opaque_context() const noexcept {
        copy_context_ = context_;
        copy_context_.in_place = false;
        return &copy_context_;
    }

    // Where the latest parse's id is, which tells its AnyIq (after a parse that reached the
    // payload: from_latest_payload() first).
    const char* latest_id() const noexcept {
        const std::optional<attribute> id = root().find("id");
        return id ? id->value().data() : nullptr;
    }

    // The element child of the latest parse's root whose bytes `o` holds, or null.
    detail::xnode* latest_child(const OpaqueElement& o) const noexcept {
        if (!loaded_ || !index_.root || o.xml.empty()) return nullptr;
        for (element c : root())  // the same place, then the same name: not a stale view that happens to match
            if (o.xml.data() == context_.base + c.offset() && c.is(o.name, o.ns)) return detail::element_access::node(c);
        return nullptr;
    }

    // True when `o` is the opaque payload of the latest parse.
    bool from_latest_payload(const OpaqueElement& o) const noexcept {
        return last_payload_ && o.xml.data() == detail::element_access::make(last_payload_, &context_).offset() + context_.base;
    }

    // The payload, named for an error message: "<query>", or, for the opaque payload of an
    // earlier parse, not read at all (its bytes may be gone; checked mode would stop here).
    struct named_payload {
        std::string_view open, name, close;
    };
    named_payload payload_name(const AnyIq& any) const noexcept {
        const OpaqueElement* o = any.payload.opaque();
        if (o && !from_latest_payload(*o)) return {"the payload of an earlier parse", "", ""};
        return {"<", any.payload.name(), ">"};
    }

    // The IQ is filled where the caller reads it: build() constructs an empty one in the
    // result, and that one named result serves every return, so it is constructed in the
    // caller's storage (NRVO) and the IQ is never moved or copied.
    template <class T>
    result<T> build() noexcept {
        result<T> r = detail::blank_result<T>();
        if (codec_error e = fill(*r)) detail::result_access::fail(r, answerable(e));
        return r;
    }

    // RFC 6120 §8.2.3: a get or set is answered even when it is refused (an IQ of a type
    // xstanza does not know too: bad-request), so the error carries what the reply needs
    // (error_reply(), reply.hpp). Not for a result or error, never answered, nor for an
    // <iq/> in a foreign namespace or a server-to-server stanza without addresses, which
    // are the stream's business (RFC 6120 §4.9.3.7, §4.9.3.10). A message or presence is
    // answered likewise unless it is of type error (RFC 6120 §8.3.1; RFC 6121 §4.7.1: an
    // unknown presence type is answered bad-request).
    codec_error answerable(codec_error e) noexcept {
        const element r = root();
        const std::string_view ns = r.ns(), name = r.name();
        const bool stanza_ns = ns.empty() || detail::same(ns, jabber_client_ns) || detail::same(ns, jabber_server_ns);
        if (e.code() == errc::not_iq || e.code() == errc::not_stanza || !stanza_ns || e.code() == errc::missing_address)
            return e;
        rejected_request& q = request_;
        q = rejected_request{};
        if (detail::is(name, "message")) q.kind = StanzaKind::message;
        else if (detail::is(name, "presence")) q.kind = StanzaKind::presence;
        else if (!detail::is(name, "iq")) return e;
        for (attribute a : r.attributes()) {
            const std::string_view n = a.qname();
            if (detail::is(n, "type")) q.type = a.value();
            else if (detail::is(n, "id")) q.id = a.value();
            else if (detail::is(n, "from")) q.from = a.value();
            else if (detail::is(n, "to")) q.to = a.value();
        }
        if (detail::is(q.type, "error")) return e;
        if (q.kind == StanzaKind::iq && (q.id.empty() || q.type.empty() || detail::is(q.type, "result"))) return e;
        e.set_request(&q);
        return e;
    }

    // The frame, into any IQ: from and to are written by the frame codec, id and lang here.
    template <class I>
    codec_error fill_frame(detail::iq_frame& f, I& iq) noexcept {
        if (codec_error e = detail::read_iq_frame(root(), scanner_.root_text(), stream_, f, iq.from, iq.to)) return e;
        iq.id = f.id;
        iq.lang = f.lang;
        return {};
    }

    // Checks are made in this order for every T: the frame, the <error/> element, the
    // type T asks for, the payload.
    codec_error fill(AnyIq& iq) noexcept {
        detail::iq_frame f;
        if (codec_error e = fill_frame(f, iq)) return e;
        iq.type = f.type;
        if (f.error) {
            if (codec_error e = detail::read_stanza_error(f.error, rules_, iq.error.emplace(Condition::undefined_condition)))
                return e;
        }
        return read_any_payload(f, iq.payload);
    }

    template <class Type, class P>
    codec_error fill(Iq<Type, P>& iq) noexcept {
        using T = Iq<Type, P>;
        detail::iq_frame f;
        if (codec_error e = fill_frame(f, iq)) return e;
        if (f.error) {
            if constexpr (std::is_same_v<Type, Error>) {
                if (codec_error e = detail::read_stanza_error(f.error, rules_, iq.error)) return e;
            } else if (codec_error e = detail::read_unkept_error(f.error, rules_)) {
                return e;  // an error IQ where T is another type: reported after the error element's own errors
            }
        }
        if (f.type != T::type)
            return codec_error::make(errc::type_mismatch, root_offset(), "expected a ", to_string(T::type), " IQ, found ",
                                     to_string(f.type));
        if constexpr (std::is_same_v<Type, Error>) {
            if constexpr (!std::is_void_v<P>) {
                if (f.payload) return read_payload(f, iq.payload.emplace());
            }
            return {};
        } else if constexpr (std::is_void_v<P>) {
            if (f.payload)
                return codec_error::make(errc::payload_mismatch, f.payload.offset(),
                                         "expected an empty result, found a payload <", f.payload.qname(), ">");
            return {};
        } else {
            // Iq<Result, AnyPayload>: a result's payload is optional (RFC 6120 §8.2.3), AnyPayload can be empty.
            if (!f.payload && !is_any_payload_v<P>)
                return codec_error(errc::payload_mismatch, root_offset(), "expected a payload, found an empty result");
            return read_payload(f, iq.payload);
        }
    }

    // A message or a presence (stanza/fill.hpp).
    detail::parse_env env() noexcept {
        return detail::parse_env{root(), scanner_.root_text(), stream_, rules_, storage_, scanner_.children(), context_.base};
    }
    codec_error fill(AnyMessage& m) noexcept { return detail::fill(env(), m); }
    codec_error fill(AnyPresence& p) noexcept { return detail::fill(env(), p); }
    template <class Type, class... Exts>
    codec_error fill(Message<Type, Exts...>& m) noexcept { return detail::fill(env(), m); }
    template <class Type, class... Exts>
    codec_error fill(Presence<Type, Exts...>& p) noexcept { return detail::fill(env(), p); }

    // Whatever arrives: the root's name says which kind (RFC 6120 §8).
    codec_error fill(AnyStanza& s) noexcept {
        const element r = root();
        const std::string_view n = r.name();
        if (detail::is(n, "iq")) return fill(s.emplace<AnyIq>());
        if (detail::is(n, "message")) return fill(s.emplace<AnyMessage>());
        if (detail::is(n, "presence")) return fill(s.emplace<AnyPresence>());
        return codec_error::make(errc::not_stanza, r.offset(), "expected <iq>, <message> or <presence>, found <", r.qname(), ">");
    }

    template <class P>
    codec_error read_payload(const detail::iq_frame& f, P& out) noexcept {
        if constexpr (is_any_payload_v<P>) {
            return read_any_payload(f, out);
        } else {
            payload_context ctx(f.type, rules_, storage_);
            return detail::decode_payload<P>(f.payload, ctx, out);
        }
    }

    // AnyIq's payload: one of the registered types Ps, decoded as Iq<Type, P> would decode
    // it, or any other element, kept opaque.
    template <class... Ps>
    codec_error read_any_payload(const detail::iq_frame& f, basic_any_payload<Ps...>& out) noexcept {
        if (!f.payload) return {};
        const element p = f.payload;
        last_payload_ = detail::element_access::node(p);
        bool matched = false;
        if constexpr (sizeof...(Ps) > 0) {
            if (codec_error e = decode_registered<Ps...>(p, f.type, out, matched)) return e;
        }
        if (matched) return {};
        const detail::child_span& s = scanner_.children()[f.payload_index];
        OpaqueElement o;
        if (codec_error e = detail::read_opaque(p, context_.base, s.begin, s.end, s.outer_prefix, o)) return e;
        out = o;
        return {};
    }

    // Decodes `p` into `out` when it is one of the registered types P, Rest...; `matched` says
    // whether it was.
    template <class P, class... Rest, class Any>
    codec_error decode_registered(const element& p, IqType type, Any& out, bool& matched) noexcept {
        if (p.is(payload_traits<P>::name, payload_traits<P>::ns)) {
            matched = true;
            payload_context ctx(type, rules_, storage_);
            return detail::decode_payload<P>(p, ctx, out.template emplace<P>(), true);
        }
        if constexpr (sizeof...(Rest) > 0) return decode_registered<Rest...>(p, type, out, matched);
        else return {};
    }

    // cast: the payload `any` holds, as a P.
    template <class P>
    codec_error cast_payload(const AnyIq& any, P& out) noexcept {
        using Form = typename detail::any_form<P>::type;
        if constexpr (is_any_payload_v<P>) {
            out = any.payload;
            return {};
        } else {
            if (const P* same_type = any.payload.template get<P>()) {
                out = *same_type;
                return {};
            }
            if constexpr (!std::is_void_v<Form>) {
                if (const Form* form = any.payload.template get<Form>()) {
                    if (const char* problem = payload_parser<P>::narrow(*form, out))
                        return codec_error(errc::roster_item_count, 0, problem);
                    return {};
                }
            }
            const OpaqueElement* o = any.payload.opaque();
            if (!o || !from_latest_payload(*o) || any.id.data() != latest_id()) {
                const named_payload found = payload_name(any);
                return codec_error::make(errc::payload_mismatch, 0, "expected <", payload_traits<P>::name, " xmlns='",
                                         payload_traits<P>::ns, "'>, found ", found.open, found.name, found.close);
            }
            // Decoded out of place: the opaque payload's bytes stay as they came.
            payload_context ctx(any.type, rules_, storage_);
            return detail::decode_payload<P>(detail::element_access::make(last_payload_, opaque_context()), ctx, out);
        }
    }

    parse_limits limits_;
    xstanza::rules rules_;
    stream_context stream_{};  // what the stanza being parsed inherits
    rejected_request request_{};  // what the last refused request's error points to
    detail::element_index index_;  // the latest parse's elements and attributes
    detail::scanner scanner_;
    std::string copy_;
#if defined(XSTANZA_CHECKED)
    detail::checked::input_copy checked_copy_;  // parse()'s copy: made unreadable when replaced
#endif
    parse_storage storage_;                // lists and decoded texts of the latest parse
    detail::doc_context context_{};        // typed codecs decode in place
    mutable detail::doc_context copy_context_{};  // views of opaque payloads decode into storage_
    detail::xnode* last_payload_ = nullptr;  // the latest parse's payload element, for cast and view
    bool loaded_ = false;                    // the latest parse indexed its elements (view, cast)

    // cast to a message or presence: the fields, then the typed extensions (stanza/fill.hpp).
    template <class T, class Any>
    result<T> cast_stanza(const Any& any, const char* kind) noexcept {
        if (any.type != T::type)
            return codec_error::make(errc::type_mismatch, 0, "expected a ", kind, " of type ", detail::type_name(T::type),
                                     ", found ", detail::type_name(any.type));
        result<T> r = detail::blank_result<T>();
        detail::copy_fields(any, *r);
        if (codec_error e = detail::cast_extensions(any.extensions, *r, storage_, [&](const OpaqueElement& o) {
                detail::xnode* n = latest_child(o);
                return n ? detail::element_access::make(n, opaque_context()) : element();
            }, rules_))
            return e;
        return r;
    }
};

template <class T>
result<T> Parser::cast(const AnyIq& any) noexcept {
    static_assert(detail::is_iq<T>::value, "Parser::cast<T>: T is an Iq<Type, Payload>");
    using Type = typename T::type_tag;
    using P = typename T::payload_type;
    if (any.type != T::type)
        return codec_error::make(errc::type_mismatch, 0, "expected a ", to_string(T::type), " IQ, found ",
                                 to_string(any.type));
    if constexpr (std::is_same_v<Type, Error>) {
        T iq(any.id, any.error.value_or(StanzaError(Condition::undefined_condition)));
        detail::copy_header(any, iq);
        if constexpr (!std::is_void_v<P>) {
            if (!any.payload.empty()) {
                P p{};
                if (codec_error e = cast_payload(any, p)) return e;
                iq.payload = std::move(p);
            }
        }
        return iq;
    } else if constexpr (std::is_void_v<P>) {
        if (!any.payload.empty()) {
            const named_payload found = payload_name(any);
            return codec_error::make(errc::payload_mismatch, 0, "expected an empty result, found ", found.open, found.name,
                                     found.close);
        }
        T iq(any.id);
        detail::copy_header(any, iq);
        return iq;
    } else {
        if (any.payload.empty() && !is_any_payload_v<P>)  // as in build(): AnyPayload may be empty
            return codec_error(errc::payload_mismatch, 0, "expected a payload, found none");
        P p{};
        if (codec_error e = cast_payload(any, p)) return e;
        T iq(any.id, std::move(p));
        detail::copy_header(any, iq);
        return iq;
    }
}

}  // namespace xstanza

#endif  // XSTANZA_STANZA_PARSER_HPP
