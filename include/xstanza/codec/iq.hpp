// xstanza: the <iq/> element itself (RFC 6120 §8.1, §8.2.3), its attributes and how many
// children of which kind it holds, read and written side by side. Its payload and <error/>
// have codecs of their own (the payload's through the extension point, stanza_error.hpp).
#ifndef XSTANZA_CODEC_IQ_HPP
#define XSTANZA_CODEC_IQ_HPP

#include <cstddef>
#include <optional>
#include <string_view>

#include "../model/error.hpp"
#include "../model/iq.hpp"
#include "../model/jid.hpp"
#include "../model/rules.hpp"
#include "../xml/element.hpp"
#include "../xml/writer.hpp"
#include "common.hpp"
#include "frame.hpp"

namespace xstanza {
namespace detail {

// ---- the rules, one function each ----

// RFC 6120 §8.2.3: a get or set contains exactly one payload, a result zero or one; §8.3.1: an
// error echoes at most one. What is wrong with `payloads` payloads in an IQ of type `type`
// (what.empty() when nothing is), and the rule.
struct iq_problem {
    std::string_view what, rule;
    explicit operator bool() const noexcept { return !what.empty(); }
};
inline iq_problem iq_payload_count_problem(IqType type, std::size_t payloads) noexcept {
    switch (type) {
    case IqType::get:
    case IqType::set:
        if (payloads == 0) return {"carries exactly one payload, found none", "RFC 6120 §8.2.3"};
        if (payloads > 1) return {"carries exactly one payload, found a second one", "RFC 6120 §8.2.3"};
        return {};
    case IqType::result:
        if (payloads > 1) return {"carries at most one payload, found a second one", "RFC 6120 §8.2.3"};
        return {};
    case IqType::error:
        if (payloads > 1) return {"echoes at most one payload, found a second one", "RFC 6120 §8.3.1"};
        return {};
    }
    return {};
}
// "a get IQ", "an error IQ".
inline std::string_view iq_named(IqType type) noexcept {
    switch (type) {
    case IqType::get: return "a get IQ";
    case IqType::set: return "a set IQ";
    case IqType::result: return "a result IQ";
    case IqType::error: return "an error IQ";
    }
    return "an IQ";
}

// RFC 6120 §8.3.1 for an IQ (codec/frame.hpp): the problem with `errors` <error/> children, or null.
inline const char* iq_error_count_problem(IqType type, std::size_t errors) noexcept {
    return error_count_problem(type == IqType::error, errors);
}

// ---- reading ----

// What every IQ parse shares: the header and the children, checked against RFC 6120 §8.2.3.
struct iq_frame {
    IqType type = IqType::get;
    std::string_view id;
    std::string_view lang;
    std::string_view ns;  // the stanza namespace: as written, or the stream's content namespace
    element payload;  // the null handle when there is none
    std::size_t payload_index = 0;  // among the root's element children
    element error;    // likewise
};

// RFC 6120 §8.2.3: the 'type' attribute's value.
XSTANZA_CODEC_STEP codec_error read_iq_type(const attribute& a, IqType& out) noexcept {
    const std::string_view t = a.value();
    if (is(t, "get")) out = IqType::get;
    else if (is(t, "set")) out = IqType::set;
    else if (is(t, "result")) out = IqType::result;
    else if (is(t, "error")) out = IqType::error;
    else
        return codec_error::make(errc::unknown_type, a.offset(), "unknown IQ type '", t,
                                 "', expected get, set, result or error (RFC 6120 §8.2.3)");
    return {};
}

// RFC 6120 §8.2.3, §8.1: the attributes of <iq/>. The JIDs go straight to where the caller
// keeps them.
XSTANZA_CODEC_STEP codec_error read_iq_attributes(const element& root, const stream_context& stream, iq_frame& f,
                                      std::optional<Jid>& from, std::optional<Jid>& to) noexcept {
    stanza_attributes a;
    if (codec_error e = read_stanza_attributes(root, a, from, to)) return e;
    const attribute &type = a.type, &id = a.id;
    // RFC 6120 §8.2.3: an IQ MUST have 'type' and 'id'.
    if (!type) return codec_error::make(errc::missing_type, root.offset(), "<iq> has no 'type' (RFC 6120 §8.2.3)");
    if (codec_error e = read_iq_type(type, f.type)) return e;
    if (!id) return codec_error::make(errc::missing_id, root.offset(), "<iq> has no 'id' (RFC 6120 §8.2.3)");
    f.id = id.value();
    if (f.id.empty()) return codec_error::make(errc::missing_id, id.offset(), "<iq> has an empty 'id' (RFC 6120 §8.2.3)");
    // RFC 6120 §8.1.5: xml:lang is a language tag; a stanza without one is in the stream's language.
    return read_stanza_lang(a.lang, stream, f.lang);
}

// Sorts the children of <iq/> into the <error/> (in the stanza's namespace) and payloads, and
// checks their counts.
XSTANZA_CODEC_STEP codec_error read_iq_children(const element& root, std::string_view written_ns, iq_frame& f) noexcept {
    std::size_t payloads = 0, errors = 0, index = 0;
    element extra_payload, extra_error;
    for (element c : root) {
        // <error/> is in the stanza's namespace; an <iq> in none is read as jabber:client.
        const bool is_error = is(c.name(), "error") && in_stanza_ns(c, written_ns, f.ns);
        if (is_error) {
            if (errors++ == 0) f.error = c;
            else if (!extra_error) extra_error = c;
        } else {
            if (payloads++ == 0) {
                f.payload = c;
                f.payload_index = index;
            } else if (!extra_payload) {
                extra_payload = c;
            }
        }
        ++index;
    }
    if (const char* problem = iq_error_count_problem(f.type, errors)) {
        if (f.type != IqType::error)
            return codec_error::make(errc::unexpected_error, f.error.offset(), "<error/> inside ", iq_named(f.type),
                                     "; only a type='error' IQ carries one (RFC 6120 §8.3.1)");
        return codec_error(errors ? errc::invalid_error : errc::missing_error, errors ? extra_error.offset() : root.offset(),
                           problem);
    }
    if (iq_problem p = iq_payload_count_problem(f.type, payloads)) {
        if (!payloads) return codec_error::make(errc::payload_count, root.offset(), iq_named(f.type), " ", p.what, " (", p.rule, ")");
        return codec_error::make(errc::payload_count, extra_payload.offset(), iq_named(f.type), " ", p.what, " <",
                                 extra_payload.qname(), "> (", p.rule, ")");
    }
    return {};
}

/// RFC 6120 §8.2.3 and §8.1: the <iq/> element `root`, its attributes and its children.
/// `root_text` is the offset of character data directly inside it (npos: none).
inline codec_error read_iq_frame(const element& root, std::size_t root_text, const stream_context& stream, iq_frame& f,
                                 std::optional<Jid>& from, std::optional<Jid>& to) noexcept {
    if (!is(root.name(), "iq"))
        return codec_error::make(errc::not_iq, root.offset(), "expected <iq>, found <", root.qname(), ">");
    // An <iq> with no namespace is in the stream's content namespace (jabber:client when
    // parsed on its own).
    std::string_view written_ns;
    if (codec_error e = read_stanza_namespace(root, "iq", stream, written_ns, f.ns)) return e;
    if (codec_error e = read_iq_attributes(root, stream, f, from, to)) return e;
    if (codec_error e = check_server_addresses(root, f.ns, from.has_value(), to.has_value())) return e;
    if (root_text != std::string_view::npos)
        return codec_error(errc::unexpected_text, root_text,
                           "text directly inside <iq>; an IQ holds only child elements (RFC 6120 §8.2.3)");
    return read_iq_children(root, written_ns, f);
}

// ---- writing ----

/// The start tag of <iq/> with its attributes (RFC 6120 §8.2.3, §8.1).
template <class T>
void write_iq_header(xml_writer& w, const T& iq, IqType type) noexcept {
    const std::string_view type_name = to_string(type);
    if (type_name.empty()) return w.fail(errc::invalid_data, "IQ type outside the enumeration");
    // RFC 6120 §8.2.3: every IQ has a non-empty id.
    if (iq.id.empty()) return w.fail(errc::invalid_data, "an IQ needs a non-empty id (RFC 6120 §8.2.3)");
    write_stanza_start(w, "iq", type_name, iq);
}

/// The counts of an IQ known only at run time (AnyIq), checked before writing.
inline void check_iq_children(xml_writer& w, IqType type, bool has_payload, bool has_error) noexcept {
    if (iq_problem p = iq_payload_count_problem(type, has_payload ? 1 : 0))  // a get or set without one
        return w.fail(errc::invalid_data, iq_named(type), " carries exactly one payload (", p.rule, ")");
    if (iq_error_count_problem(type, has_error ? 1 : 0))
        return w.fail(errc::invalid_data, has_error ? "only an error IQ carries a StanzaError (RFC 6120 §8.3.1)"
                                                    : "an error IQ needs a StanzaError (RFC 6120 §8.3.1)");
}

}  // namespace detail
}  // namespace xstanza

#endif  // XSTANZA_CODEC_IQ_HPP
