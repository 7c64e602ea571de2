// xstanza: the start of a stream (RFC 6120 §4.2, §4.7, §4.8): the optional XML declaration
// and the <stream:stream> header, checked and kept, with the namespace prefixes it declares
// for the elements that follow.
#ifndef XSTANZA_STREAM_HEADER_HPP
#define XSTANZA_STREAM_HEADER_HPP

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "../model/error.hpp"
#include "../model/jid.hpp"
#include "../model/limits.hpp"
#include "../model/span.hpp"
#include "../model/stream.hpp"
#include "../model/stream_error.hpp"
#include "../xml/dom.hpp"
#include "../xml/scan.hpp"
#include "../xml/start_tag.hpp"
#include "failure.hpp"
#include "qname.hpp"

namespace xstanza::detail {

// Reads the XML declaration and the stream header; keeps the header (StreamHeader's views
// point into this) until restart().
class stream_header_reader {
public:
    bool has_header() const noexcept { return has_header_; }
    const StreamHeader& header() const noexcept { return header_; }

    // RFC 6120 §4.3.3: a restarted stream has a new header (and XML declaration).
    void restart() noexcept {
        decl_allowed_ = true;
        has_header_ = false;
        header_ = StreamHeader{};
        attrs_.clear();
        prefixes_.clear();
    }

    // RFC 6120 §11.5: an optional XML declaration before each stream header. `d` is all of it,
    // "<?" to "?>", at stream offset `at`. False, with `failure` set, when it is refused.
    bool read_decl(std::string_view d, std::uint64_t at, stream_failure& failure) noexcept {
        if (d.size() < 7 || d.compare(0, 5, "<?xml") != 0 || !stream_space(d[5])) {
            failure.set(StreamCondition::restricted_xml, errc::forbidden_pi, at,
                        "a processing instruction before the stream header (RFC 6120 §11.1)");
            return false;
        }
        if (!decl_allowed_) {
            failure.set(StreamCondition::not_well_formed, errc::malformed, at, "a second XML declaration (XML 1.0 §2.8)");
            return false;
        }
        decl_allowed_ = false;
        // RFC 6120 §11.6: UTF-8 only; a declared encoding must say so (XML 1.0 §4.3.3).
        std::size_t e = d.find("encoding");
        if (e == std::string_view::npos) return true;
        std::size_t q = d.find_first_of("'\"", e);
        std::size_t q2 = q == std::string_view::npos ? q : d.find(d[q], q + 1);
        if (q2 == std::string_view::npos) {
            failure.set(StreamCondition::not_well_formed, errc::malformed, at, "malformed XML declaration");
            return false;
        }
        std::string_view enc = d.substr(q + 1, q2 - q - 1);
        if (!iequal(enc, "UTF-8")) {
            failure.set(StreamCondition::unsupported_encoding, errc::invalid_utf8, at, "the stream declares encoding '", enc,
                        "'; XMPP streams are UTF-8 (RFC 6120 §11.6)");
            return false;
        }
        return true;
    }

    // The header's start tag is complete (RFC 6120 §4.7, §4.8): `raw` is all of it, '<' to
    // '>', at stream offset `at`. False, with `failure` set, when it is refused.
    bool read(std::string_view raw, std::uint64_t at, scanner& s, const parse_limits& pl, stream_failure& failure) noexcept {
        if (!validate(raw, at, s, pl, failure)) return false;
        std::vector<pending> values;
        std::string_view qname;
        if (!decode(qname, values)) {
            failure.set(StreamCondition::resource_constraint, errc::out_of_memory, at, "out of memory");
            return false;
        }
        StreamHeader h;
        h.qname = qname;
        h.prefix = split_qname(qname).prefix;
        namespaces ns = describe(h, values);
        if (!check(h, ns, at, failure)) return false;
        h.content_ns = ns.content;
        header_ = h;
        has_header_ = true;
        decl_allowed_ = false;
        return true;
    }

    // True when the header declares a namespace prefix (xmlns:p='...').
    bool declares_prefixes() const noexcept { return !prefixes_.empty(); }

    // Copies `element` into `out` with the header's prefix declarations added to its start
    // tag (those it does not declare itself), so that it parses standalone. False when out
    // of memory.
    bool copy_with_prefixes(std::string_view element, std::string_view qname, std::string& out) const noexcept {
        std::vector<std::string_view> own;
        bool ok = true;
        read_start_tag(element, [&](const raw_attribute& a) {
            try {
                if (std::string_view p = declared_prefix(a.name); !p.empty()) own.push_back(p);
            } catch (...) {
                ok = false;
            }
        });
        if (!ok) return false;
        try {
            out.assign(element.data(), 1 + qname.size());
            for (const header_prefix& hp : prefixes_) {
                bool declared = false;
                for (std::string_view o : own) declared = declared || o == hp.prefix;
                if (declared) continue;
                out.append(" xmlns:").append(hp.prefix).append(1, '=').append(1, hp.quote).append(hp.raw).append(1, hp.quote);
            }
            out.append(element.substr(1 + qname.size()));
            return true;
        } catch (...) {
            return false;
        }
    }

    // The namespace the header binds `prefix` (not empty) to, decoded, if it declares it.
    std::optional<std::string_view> prefix_ns(std::string_view prefix) const noexcept {
        for (const StreamAttribute& a : attrs_)
            if (binds_prefix(a.name, prefix)) return a.value;
        return std::nullopt;
    }

private:
    struct header_prefix {
        std::string_view prefix;  // into raw_
        std::string_view raw;     // undecoded value, into raw_
        char quote;
    };
    // An attribute whose value is decoded into values_[at, at + size).
    struct pending {
        std::string_view name;
        std::size_t at, size;
    };
    // The namespaces the header's attributes declare.
    struct namespaces {
        std::string_view element;        // of the header's own name
        std::string_view content;        // the default namespace: the stream's content namespace
        bool has_content = false;
    };

    // Keeps a copy of the start tag and validates it as an empty element: the same rules as
    // for stanzas (UTF-8, names, duplicate attributes, namespace declarations).
    bool validate(std::string_view raw, std::uint64_t at, scanner& s, const parse_limits& pl, stream_failure& failure) noexcept {
        try {
            raw_.assign(raw);
            std::size_t body = raw.size() - (raw.size() >= 2 && raw[raw.size() - 2] == '/' ? 2 : 1);
            check_.assign(raw.data(), body);
            check_.append("/>");
            values_.clear();
            values_.reserve(raw.size());
            attrs_.clear();
            prefixes_.clear();
        } catch (...) {
            failure.set(StreamCondition::resource_constraint, errc::out_of_memory, at, "out of memory");
            return false;
        }
        if (parse_error e = s.scan(check_.data(), check_.size(), pl)) {
            StreamCondition c = stream_condition_for(e.code());
            // RFC 6120 §4.8.1, §4.9.3.2: the stream prefix must be declared on the header
            if (e.code() == errc::undeclared_prefix) c = StreamCondition::bad_namespace_prefix;
            failure.set(c, e.code(), at + e.offset(), "stream header: ", e.message());
            return false;
        }
        return true;
    }

    // Reads the attributes of the copy: the qname, each value decoded into values_ (reserved
    // by validate(): decoding never grows a value), the prefix declarations. False when out
    // of memory.
    bool decode(std::string_view& qname, std::vector<pending>& values) noexcept {
        bool ok = true;
        qname = read_start_tag(std::string_view(raw_), [&](const raw_attribute& a) {
            std::size_t start = values_.size();
            values_.append(a.value);  // fits: reserved
            std::size_t m = decode_in_place(&values_[start], a.value.size(), true);
            values_.resize(start + m);
            try {
                values.push_back({a.name, start, m});
                attrs_.push_back({});
                if (std::string_view p = declared_prefix(a.name); !p.empty()) prefixes_.push_back({p, a.value, a.quote});
            } catch (...) {
                ok = false;
            }
        });
        return ok;
    }

    // Fills in h's attributes (RFC 6120 §4.7) from the decoded values; returns the
    // namespaces they declare.
    namespaces describe(StreamHeader& h, const std::vector<pending>& values) noexcept {
        namespaces ns;
        for (std::size_t i = 0; i < values.size(); ++i) {
            std::string_view v(values_.data() + values[i].at, values[i].size);
            attrs_[i] = StreamAttribute{values[i].name, v};
            std::string_view an = values[i].name;
            if (an == "xmlns") { ns.content = v; ns.has_content = true; }
            else if (an == "from") h.from = v;
            else if (an == "to") h.to = v;
            else if (an == "id") h.id = v;
            else if (an == "version") h.version = v;
            else if (an == "xml:lang") h.lang = v;
            if (binds_prefix(an, h.prefix)) ns.element = v;
        }
        h.attributes = span<const StreamAttribute>(attrs_.data(), attrs_.size());
        return ns;
    }

    // The header's name and namespaces (RFC 6120 §4.2, §4.8).
    static bool check(const StreamHeader& h, const namespaces& ns, std::uint64_t at, stream_failure& failure) noexcept {
        // RFC 6120 §4.8.1: <stream/> is qualified by the stream namespace, through a prefix.
        if (ns.element != stream_ns) {
            failure.set(StreamCondition::invalid_namespace, errc::wrong_namespace, at, "the stream header's namespace is '",
                        ns.element, "', expected 'http://etherx.jabber.org/streams' (RFC 6120 §4.8.1, §4.9.3.10)");
            return false;
        }
        if (h.prefix.empty()) {
            failure.set(StreamCondition::bad_namespace_prefix, errc::wrong_namespace, at,
                        "the stream namespace must be used through a prefix (RFC 6120 §4.8.1, §4.9.3.2)");
            return false;
        }
        if (split_qname(h.qname).local != "stream") {
            failure.set(StreamCondition::bad_format, errc::malformed, at, "expected a <", h.prefix, ":stream> header, found <",
                        h.qname, "> (RFC 6120 §4.2)");
            return false;
        }
        // RFC 6120 §4.8.2, §4.9.3.10: the content namespace is jabber:client or jabber:server.
        if (!ns.has_content || (ns.content != "jabber:client" && ns.content != "jabber:server")) {
            failure.set(StreamCondition::invalid_namespace, errc::wrong_namespace, at,
                        "the stream's content namespace must be 'jabber:client' or 'jabber:server', found '", ns.content,
                        "' (RFC 6120 §4.8.2, §4.9.3.10)");
            return false;
        }
        return true;
    }

    bool decl_allowed_ = true;
    bool has_header_ = false;
    StreamHeader header_{};
    std::string raw_;     // the start tag as received
    std::string values_;  // the attribute values, decoded
    std::string check_;   // the start tag as an empty element, for the scanner
    std::vector<StreamAttribute> attrs_;
    std::vector<header_prefix> prefixes_;
};

}  // namespace xstanza::detail

#endif  // XSTANZA_STREAM_HEADER_HPP
