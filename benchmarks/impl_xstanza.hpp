// parse/xstanza: copy into a reused buffer, Parser::parse_in_situ with full validation
// (Iq<Result, RosterQuery> for roster results, AnyIq for the other IQ corpora,
// Presence<Available, Caps>, Message<Chat> and Message<Groupchat, Delay> for the
// message and presence corpora, AnyStanza for mixed_stream, where each message and
// available presence is then cast to the typed stanza that decodes its Delay or Caps),
// then the walk over the typed result. A muc#user <x/> stays opaque in the stanza; the
// walk reads its <item/> through Parser::view, as a program would. serialize/xstanza and serialize/xstanza_into: a parsed roster
// result written to a reused std::string (serialize) or a fixed buffer (serialize_into).
#ifndef XSTANZA_BENCH_IMPL_XSTANZA_HPP
#define XSTANZA_BENCH_IMPL_XSTANZA_HPP

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <xstanza/xstanza.hpp>

#include "walk.hpp"

namespace xstanza_bench {

using roster_result = xstanza::Iq<xstanza::Result, xstanza::RosterQuery>;

/// A JID as the other adapters read it from the attribute, local@domain/resource, fed in
/// its parts (xstanza keeps them apart).
template <class D>
void str_jid(D& d, const xstanza::Jid& j) noexcept {
    const std::string_view at = j.local().empty() ? "" : "@", slash = j.resource().empty() ? "" : "/";
    d.str(j.local(), at, j.domain(), slash, j.resource());
}

template <class Iq, class D>
void walk_header(const Iq& iq, xstanza::IqType type, D& d) noexcept {
    d.tag(unsigned(type));
    d.str(iq.id);
    if (iq.from) str_jid(d, *iq.from);
    if (iq.to) str_jid(d, *iq.to);
}

template <class D>
void walk_roster(const xstanza::RosterQuery& q, D& d) noexcept {
    if (q.ver) d.str(*q.ver);
    for (const xstanza::RosterItem& item : q.items) {
        str_jid(d, item.jid);
        if (item.name) d.str(*item.name);
        d.tag(unsigned(item.subscription));
        d.tag(item.ask ? 1u : 0u);
        for (std::string_view g : item.groups) d.str(g);
    }
}

template <class D>
void walk_any_iq(const xstanza::AnyIq& iq, D& d) noexcept {
    walk_header(iq, iq.type, d);
    if (!iq.payload.empty()) {
        d.str(iq.payload.name());
        d.str(iq.payload.ns());
        if (const xstanza::RosterQuery* q = iq.payload.roster()) walk_roster(*q, d);
    }
    if (iq.error) {
        const xstanza::StanzaError& e = *iq.error;
        d.tag(unsigned(e.type));
        d.tag(unsigned(e.condition));
        if (e.text) d.str(*e.text);
        if (!e.text_lang.empty()) d.str(e.text_lang);
    }
}

/// A message's or presence's attributes (walk.hpp's stanza_header).
template <class S, class D>
void walk_stanza_header(const S& s, unsigned kind_tag, unsigned type, D& d) noexcept {
    const unsigned present = (s.id.empty() ? 0u : 1u) | (s.from ? 2u : 0u) | (s.to ? 4u : 0u) | (s.lang.empty() ? 0u : 8u);
    d.tag(kind_tag);
    d.tag(type);
    d.tag(present);
    if (present & 1) d.str(std::string_view(s.id));
    if (s.from) str_jid(d, *s.from);
    if (s.to) str_jid(d, *s.to);
    if (present & 8) d.str(std::string_view(s.lang));
}

template <class D>
void walk_texts(const xstanza::lang_texts& texts, unsigned part, D& d) noexcept {
    for (const xstanza::LangText& t : texts) feed_text(d, part, std::string_view(t.text), std::string_view(t.lang));
}

template <class D>
void walk_message(const xstanza::message_fields& m, xstanza::MessageType type, const std::optional<xstanza::Delay>* delay,
                  D& d) noexcept {
    walk_stanza_header(m, message_tag, unsigned(type), d);
    walk_texts(m.bodies, part_body, d);
    walk_texts(m.subjects, part_subject, d);
    if (m.thread) {
        d.tag(part_thread);
        d.str(std::string_view(m.thread->id));
        d.tag(m.thread->parent.empty() ? 0u : 1u);
        if (!m.thread->parent.empty()) d.str(std::string_view(m.thread->parent));
    }
    if (delay && *delay) {
        const xstanza::Delay& dl = **delay;
        d.tag(part_delay);
        d.str(dl.stamp);
        d.tag(dl.from ? 1u : 0u);
        if (dl.from) str_jid(d, *dl.from);
    }
    for (const xstanza::OpaqueElement& e : m.extensions) feed_extension(d, e.name, e.ns);
}

class xstanza_impl {
public:
    static constexpr bool decodes = true;

    template <class D>
    bool parse(const std::string& input, corpus_kind kind, D& d) {
        buffer_.assign(input);
        switch (kind) {
        case corpus_kind::roster: {
            xstanza::result<roster_result> r = parser_.parse_in_situ<roster_result>(buffer_);
            if (!r) return false;
            walk_header(*r, xstanza::IqType::result, d);
            d.str(std::string_view("query"));
            d.str(xstanza::roster_ns);
            walk_roster(r->payload, d);
            return true;
        }
        case corpus_kind::presence_caps: {
            xstanza::result<available_caps> r = parser_.parse_in_situ<available_caps>(buffer_);
            return r && walk_presence(*r, xstanza::PresenceType::available, r->show, r->priority, &r->template get<xstanza::Caps>(), d);
        }
        case corpus_kind::chat: {
            xstanza::result<xstanza::Message<xstanza::Chat>> r = parser_.parse_in_situ<xstanza::Message<xstanza::Chat>>(buffer_);
            if (!r) return false;
            walk_message(*r, xstanza::MessageType::chat, nullptr, d);
            return true;
        }
        case corpus_kind::groupchat_delay: {
            xstanza::result<groupchat_delay> r = parser_.parse_in_situ<groupchat_delay>(buffer_);
            if (!r) return false;
            walk_message(*r, xstanza::MessageType::groupchat, &r->template get<xstanza::Delay>(), d);
            return true;
        }
        case corpus_kind::any_stanza: {
            xstanza::result<xstanza::AnyStanza> r = parser_.parse_in_situ<xstanza::AnyStanza>(buffer_);
            if (!r) return false;
            if (const xstanza::AnyIq* iq = r->iq()) {
                walk_any_iq(*iq, d);
                return true;
            }
            if (const xstanza::AnyMessage* m = r->message()) return walk_any_message(*m, d);
            return walk_any_presence(*r->presence(), d);
        }
        case corpus_kind::any_iq:
        default: {
            xstanza::result<xstanza::AnyIq> r = parser_.parse_in_situ<xstanza::AnyIq>(buffer_);
            if (!r) return false;
            walk_any_iq(*r, d);
            return true;
        }
        }
    }

    /// The last parse error's message (for start-up diagnostics).
    std::string explain(const std::string& input, corpus_kind kind) {
        buffer_.assign(input);
        xstanza::parse_error e;
        switch (kind) {
        case corpus_kind::roster: e = parser_.parse_in_situ<roster_result>(buffer_).error(); break;
        case corpus_kind::presence_caps: e = parser_.parse_in_situ<available_caps>(buffer_).error(); break;
        case corpus_kind::chat: e = parser_.parse_in_situ<xstanza::Message<xstanza::Chat>>(buffer_).error(); break;
        case corpus_kind::groupchat_delay: e = parser_.parse_in_situ<groupchat_delay>(buffer_).error(); break;
        case corpus_kind::any_stanza: e = parser_.parse_in_situ<xstanza::AnyStanza>(buffer_).error(); break;
        default: e = parser_.parse_in_situ<xstanza::AnyIq>(buffer_).error(); break;
        }
        return std::string(e.message());
    }

private:
    using available_caps = xstanza::Presence<xstanza::Available, xstanza::Caps>;
    using groupchat_delay = xstanza::Message<xstanza::Groupchat, xstanza::Delay>;

    /// A message of mixed_stream: cast to Message<Type, Delay> for its type (a delay may
    /// ride on any of them), then walked.
    template <class D>
    bool walk_any_message(const xstanza::AnyMessage& m, D& d) noexcept {
        switch (m.type) {
        case xstanza::MessageType::chat: return walk_cast<xstanza::Chat>(m, d);
        case xstanza::MessageType::groupchat: return walk_cast<xstanza::Groupchat>(m, d);
        case xstanza::MessageType::headline: return walk_cast<xstanza::Headline>(m, d);
        case xstanza::MessageType::normal: return walk_cast<xstanza::Normal>(m, d);
        default: return false;  // an error message: not in the corpora
        }
    }
    template <class Type, class D>
    bool walk_cast(const xstanza::AnyMessage& m, D& d) noexcept {
        xstanza::result<xstanza::Message<Type, xstanza::Delay>> r = parser_.cast<xstanza::Message<Type, xstanza::Delay>>(m);
        if (!r) return false;
        walk_message(*r, m.type, &r->template get<xstanza::Delay>(), d);
        return true;
    }

    /// A presence of mixed_stream: an available one cast to Presence<Available, Caps>.
    template <class D>
    bool walk_any_presence(const xstanza::AnyPresence& p, D& d) noexcept {
        if (p.type == xstanza::PresenceType::available) {
            xstanza::result<available_caps> r = parser_.cast<available_caps>(p);
            return r && walk_presence(*r, p.type, r->show, r->priority, &r->template get<xstanza::Caps>(), d);
        }
        if (p.type == xstanza::PresenceType::error) return false;  // not in the corpora
        return walk_presence(p, p.type, p.show, p.priority, nullptr, d);
    }

    template <class D>
    bool walk_presence(const xstanza::presence_fields& p, xstanza::PresenceType type, xstanza::Show show,
                       const std::optional<int>& priority, const std::optional<xstanza::Caps>* caps, D& d) noexcept {
        walk_stanza_header(p, presence_tag, unsigned(type), d);
        d.tag(unsigned(show));
        d.tag(priority ? unsigned(*priority + 129) : 0u);
        walk_texts(p.statuses, part_status, d);
        if (caps && *caps) {
            const xstanza::Caps& c = **caps;
            d.tag(part_caps);
            d.str(c.hash);
            d.str(c.node);
            d.str(c.ver);
            if (c.ext) d.str(*c.ext);
        }
        for (const xstanza::OpaqueElement& e : p.extensions) {
            feed_extension(d, e.name, e.ns);
            if (e.name != "x" || e.ns != muc_user_ns) continue;
            const std::optional<xstanza::element> x = parser_.view(e);
            if (!x) return false;
            for (xstanza::element item : *x) {
                if (!item.is("item", muc_user_ns)) continue;
                muc_item_fields f;
                for (xstanza::attribute a : item.attributes()) f.attribute(a.qname(), a.value());
                if (!f.feed(d)) return false;
            }
        }
        return true;
    }

    std::string buffer_;
    xstanza::Parser parser_;
};

// stage/xstanza_scan and stage/xstanza_tree: the first steps of parse/xstanza alone, to
// show where its time goes (they reach into detail::, which users do not). Each copies
// the input as parse/xstanza does; the digest only counts documents (there is no walk).

/// The validating XML scan (well-formedness, namespaces, UTF-8, limits) without a tree.
class xstanza_scan_stage {
public:
    template <class D>
    bool parse(const std::string& input, corpus_kind, D& d) {
        buffer_.assign(input);
        if (scanner_.scan(buffer_.data(), buffer_.size(), limits_)) return false;
        d.tag(1);
        return true;
    }

private:
    std::string buffer_;
    xstanza::detail::scanner scanner_;
    xstanza::parse_limits limits_;
};

/// The same scan building the element index, as Parser does before its typed layer reads it.
class xstanza_tree_stage {
public:
    template <class D>
    bool parse(const std::string& input, corpus_kind, D& d) {
        buffer_.assign(input);
        if (scanner_.scan(buffer_.data(), buffer_.size(), limits_, index_)) return false;
        d.tag(1);
        return true;
    }

private:
    std::string buffer_;
    xstanza::detail::scanner scanner_;
    xstanza::detail::element_index index_;
    xstanza::parse_limits limits_;
};

/// A roster result parsed once and kept: the source every serialize/... adapter writes.
class roster_source {
public:
    explicit roster_source(const std::string& xml)
        : buffer_(xml), parser_(std::make_unique<xstanza::Parser>()),
          iq_(parser_->parse_in_situ<roster_result>(buffer_)) {}
    bool ok() const noexcept { return bool(iq_); }
    const roster_result& iq() const noexcept { return *iq_; }

private:
    std::string buffer_;
    std::unique_ptr<xstanza::Parser> parser_;
    xstanza::result<roster_result> iq_;
};

/// serialize/xstanza: appends to a reused std::string.
class xstanza_serializer {
public:
    explicit xstanza_serializer(const roster_source& src) : iq_(src.iq()) {}
    std::size_t run() {
        out_.clear();
        if (xstanza::serialize(iq_, out_)) return 0;
        return out_.size();
    }
    std::string_view output() const noexcept { return out_; }

private:
    const roster_result& iq_;
    std::string out_;
};

/// serialize/xstanza_into: serialize_into a fixed buffer sized once.
class xstanza_into_serializer {
public:
    explicit xstanza_into_serializer(const roster_source& src) : iq_(src.iq()) {
        std::string probe;
        // A corpus stanza that does not serialize sizes the buffer at 1 byte: every timed
        // serialize_into then fails, which the harness reports (it counts failures).
        if (xstanza::serialize(iq_, probe)) probe.clear();
        capacity_ = probe.size() + 1;
        buffer_ = std::make_unique<char[]>(capacity_);
    }
    std::size_t run() noexcept {
        xstanza::serialize_result r = xstanza::serialize_into(iq_, buffer_.get(), capacity_);
        return r ? r.size : 0;
    }
    std::string_view output() const noexcept { return {buffer_.get(), capacity_ - 1}; }

private:
    const roster_result& iq_;
    std::size_t capacity_ = 0;
    std::unique_ptr<char[]> buffer_;
};

}  // namespace xstanza_bench

#endif  // XSTANZA_BENCH_IMPL_XSTANZA_HPP
