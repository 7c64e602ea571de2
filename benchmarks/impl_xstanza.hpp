// parse/xstanza: copy into a reused buffer, Parser::parse_in_situ with full validation
// (Iq<Result, RosterQuery> for roster results, AnyIq for the rest), then the walk
// over the typed result. serialize/xstanza and serialize/xstanza_into: a parsed roster
// result written to a reused std::string (serialize) or a fixed buffer (serialize_into).
#ifndef XSTANZA_BENCH_IMPL_XSTANZA_HPP
#define XSTANZA_BENCH_IMPL_XSTANZA_HPP

#include <cstddef>
#include <memory>
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

class xstanza_impl {
public:
    static constexpr bool decodes = true;

    template <class D>
    bool parse(const std::string& input, bool roster, D& d) {
        buffer_.assign(input);
        if (roster) {
            xstanza::result<roster_result> r = parser_.parse_in_situ<roster_result>(buffer_);
            if (!r) return false;
            walk_header(*r, xstanza::IqType::result, d);
            d.str(std::string_view("query"));
            d.str(xstanza::roster_ns);
            walk_roster(r->payload, d);
            return true;
        }
        xstanza::result<xstanza::AnyIq> r = parser_.parse_in_situ<xstanza::AnyIq>(buffer_);
        if (!r) return false;
        const xstanza::AnyIq& iq = *r;
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
        return true;
    }

    /// The last parse error's message (for start-up diagnostics).
    std::string explain(const std::string& input, bool roster) {
        buffer_.assign(input);
        xstanza::parse_error e = roster ? parser_.parse_in_situ<roster_result>(buffer_).error()
                                        : parser_.parse_in_situ<xstanza::AnyIq>(buffer_).error();
        return std::string(e.message());
    }

private:
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
    bool parse(const std::string& input, bool, D& d) {
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

/// The same scan building the element tree in RapidXML's nodes, as Parser does before its
/// typed layer reads the tree (the same pooled allocator).
class xstanza_tree_stage {
public:
    template <class D>
    bool parse(const std::string& input, bool, D& d) {
        if (!doc_) return false;
        buffer_.assign(input);
        doc_->clear();
        if (scanner_.scan(buffer_.data(), buffer_.size(), limits_, *doc_)) return false;
        d.tag(1);
        return true;
    }

private:
    std::string buffer_;
    xstanza::detail::scanner scanner_;
    std::unique_ptr<xstanza::detail::xml_doc> doc_ = xstanza::detail::new_pooled_doc();
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
