// xstanza: what the three stanza elements share (RFC 6120 §8.1, §8.3.1): their attributes,
// their namespace, the addresses a server-to-server stanza needs, where their <error/> may
// be; read and written side by side. codec/iq.hpp, codec/message.hpp and codec/presence.hpp
// build on it.
#ifndef XSTANZA_CODEC_FRAME_HPP
#define XSTANZA_CODEC_FRAME_HPP

#include <cstddef>
#include <optional>
#include <string_view>

#include "../model/error.hpp"
#include "../model/jid.hpp"
#include "../model/rules.hpp"
#include "../model/stanza_common.hpp"
#include "../xml/element.hpp"
#include "../xml/writer.hpp"
#include "common.hpp"

namespace xstanza {
namespace detail {

// ---- the rules, one function each ----

// RFC 6120 §8.3.1: a stanza of type error carries one <error/>, and only such a stanza carries
// one. The problem with `errors` <error/> children, or null.
inline const char* error_count_problem(bool error_type, std::size_t errors) noexcept {
    if (!error_type) return errors ? "only a stanza of type error carries an <error/> (RFC 6120 §8.3.1)" : nullptr;
    if (errors == 0) return "a stanza of type error has no <error/> child (RFC 6120 §8.3.1)";
    if (errors > 1) return "a stanza of type error carries one <error/>, found a second (RFC 6120 §8.3.1)";
    return nullptr;
}

// ---- reading ----

/// The attributes every stanza may have that the caller reads itself: 'type', 'id',
/// 'xml:lang' (null handles when absent). 'from' and 'to' go straight to the caller's JIDs.
struct stanza_attributes {
    attribute type, id, lang;
};

// RFC 6120 §8.1.1, §8.1.2, §8.1.3, §8.1.4, §8.1.5: the stanza's attributes.
XSTANZA_CODEC_STEP codec_error read_stanza_attributes(const element& root, stanza_attributes& out, std::optional<Jid>& from,
                                                      std::optional<Jid>& to) noexcept {
    for (attribute a : root.attributes()) {
        const std::string_view n = a.qname();
        if (is(n, "type")) out.type = a;
        else if (is(n, "id")) out.id = a;
        else if (is(n, "from")) { if (codec_error e = read_jid(a, "'from'", from)) return e; }
        else if (is(n, "to")) { if (codec_error e = read_jid(a, "'to'", to)) return e; }
        else if (is(n, "xml:lang")) out.lang = a;
    }
    return {};
}

// RFC 6120 §8.1.5: the stanza's language: its xml:lang, or the stream's.
XSTANZA_CODEC_STEP codec_error read_stanza_lang(const attribute& lang, const stream_context& stream,
                                                std::string_view& out) noexcept {
    out = stream.lang;
    if (lang) return read_lang(lang, out);
    return {};
}

// RFC 6120 §4.8.2, §8: the namespace of the stanza element `root` named `kind`: jabber:client
// or jabber:server as written, or none (then the stream's content namespace). `written` is
// what the element says, `ns` the namespace it is in.
XSTANZA_CODEC_STEP codec_error read_stanza_namespace(const element& root, std::string_view kind, const stream_context& stream,
                                                     std::string_view& written, std::string_view& ns) noexcept {
    written = root.ns();
    if (!written.empty() && !same(written, jabber_client_ns) && !same(written, jabber_server_ns))
        return codec_error::make(errc::wrong_namespace, root.offset(), "<", kind, "> in namespace '", written,
                                 "', expected 'jabber:client' or 'jabber:server'");
    ns = written.empty() ? stream.content_ns : written;
    return {};
}

// RFC 6120 §8.1.1.2, §8.1.2.2: on a server-to-server stream every stanza carries 'to' and 'from'.
XSTANZA_CODEC_STEP codec_error check_server_addresses(const element& root, std::string_view ns, bool has_from,
                                                      bool has_to) noexcept {
    if (same(ns, jabber_server_ns) && (!has_from || !has_to))
        return codec_error::make(errc::missing_address, root.offset(), "a jabber:server stanza without '",
                                 has_from ? "to" : "from", "' (RFC 6120 §8.1.1.2, §8.1.2.2)");
    return {};
}

// True when `c` is in the stanza's own namespace (the <error/> of RFC 6120 §8.3, <body/>,
// <show/>...): the stanza's written namespace, or, for a stanza in none, the one it is in.
XSTANZA_CODEC_STEP bool in_stanza_ns(const element& c, std::string_view written_ns, std::string_view ns) noexcept {
    const std::string_view child_ns = c.ns();
    return same(child_ns, written_ns) || (written_ns.empty() && same(child_ns, ns));
}

/// What a message or presence element shares (RFC 6120 §8.1): its name `kind`, its namespace
/// (`written` as the element says, `ns` the one it is in), its attributes into `s` (id, from, to,
/// lang) and `a` (the type, left to the caller), the addresses of a server-to-server stanza, and
/// no text directly inside (`root_text`, npos when none; `text_home` says where text goes).
template <class Fields>
codec_error read_stanza_header(const element& root, std::string_view kind, std::size_t root_text, std::string_view text_home,
                               const stream_context& stream, stanza_attributes& a, Fields& s, std::string_view& written,
                               std::string_view& ns) noexcept {
    if (root.name() != kind)
        return codec_error::make(errc::not_stanza, root.offset(), "expected <", kind, ">, found <", root.qname(), ">");
    if (codec_error e = read_stanza_namespace(root, kind, stream, written, ns)) return e;
    if (codec_error e = read_stanza_attributes(root, a, s.from, s.to)) return e;
    if (a.id) s.id = a.id.value();
    if (codec_error e = read_stanza_lang(a.lang, stream, s.lang)) return e;
    if (codec_error e = check_server_addresses(root, ns, s.from.has_value(), s.to.has_value())) return e;
    if (root_text != std::string_view::npos)
        return codec_error::make(errc::unexpected_text, root_text, "text directly inside <", kind, ">; its text goes in ",
                                 text_home);
    return {};
}

// RFC 6120 §8.3.1 on a message or presence: reports a wrong number of <error/> children
// (`first` and `extra` the first two found).
inline codec_error check_error_count(bool error_type, std::size_t errors, const element& root, const element& first,
                                     const element& extra) noexcept {
    const char* problem = error_count_problem(error_type, errors);
    if (!problem) return {};
    if (!error_type) return codec_error(errc::unexpected_error, first.offset(), problem);
    if (errors == 0) return codec_error(errc::missing_error, root.offset(), problem);
    return codec_error(errc::invalid_error, extra.offset(), problem);
}

// ---- writing ----

/// The start tag of a stanza `kind` with its 'type' (omitted when empty) and the attributes
/// every stanza has (RFC 6120 §8.1): 'id' only when non-empty.
template <class T>
void write_stanza_start(xml_writer& w, std::string_view kind, std::string_view type, const T& s) noexcept {
    writer_access::open(w, kind, "jabber:client");
    if (!type.empty()) writer_access::attribute(w, "type", type);
    if (!s.id.empty()) w.attribute("id", s.id);
    if (s.from) write_jid(w, "from", *s.from);
    if (s.to) write_jid(w, "to", *s.to);
    write_lang(w, s.lang);
}

}  // namespace detail
}  // namespace xstanza

#endif  // XSTANZA_CODEC_FRAME_HPP
