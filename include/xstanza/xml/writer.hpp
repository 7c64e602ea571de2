// xstanza: xml_writer, the streaming XML writer serialize() and the payload serializers
// (payload_serializer<P>, the extension point's writing half) write through: escaping,
// validation of names and text, namespaces declared where they change.
#ifndef XSTANZA_XML_WRITER_HPP
#define XSTANZA_XML_WRITER_HPP

#include <cstddef>
#include <cstring>
#include <string_view>

#include "scan.hpp"
#include "text.hpp"
#include "../model/detail/utf8.hpp"
#include "../model/error.hpp"
#include "../model/rules.hpp"

namespace xstanza {

namespace detail {
struct writer_access;
}

/// Streams XML to a sink through a small buffer, escaping and validating as it goes.
/// The first invalid piece of data puts it in a failed state (see error()); later calls
/// do nothing. Payload serializers (payload_serializer<P>, the extension point) use it.
class xml_writer {
public:
    /// Receives output in chunks; returns false when it cannot take them (out of memory).
    using sink_fn = bool (*)(void* context, const char* data, std::size_t size) noexcept;
    /// The deepest nesting open() accepts; deeper is invalid_data.
    static constexpr std::size_t max_depth = 32;

    /// `sender` is the role of the entity whose output this is: the sender's rules that
    /// depend on it (RFC 6121 §2.1.2.1: a client's roster set carries no 'approved') use it.
    xml_writer(sink_fn sink, void* context, std::string_view default_ns = "jabber:client",
               role sender = role::client) noexcept
        : sink_(sink), context_(context), root_ns_(default_ns), sender_(sender) {}

    /// Starts an element; writes xmlns='ns' when ns differs from the namespace in scope.
    /// `name` is an unprefixed XML name (an NCName): the writer declares no prefixes, so a
    /// prefixed name could not be read back in its namespace (Namespaces in XML 1.0 §3, §5).
    void open(std::string_view name, std::string_view ns) noexcept {
        if (!check_name(name)) return fail(errc::invalid_data, "not an XML name: '", name, "'");
        if (name.find(':') != std::string_view::npos)
            return fail(errc::invalid_data, "a prefixed name, whose prefix the writer does not declare: '", name, "'");
        open_valid(name, ns);
    }

    /// The sender's rules this writer applies (serialize() always writes as a sender).
    xstanza::rules rules() const noexcept { return xstanza::rules::sender(sender_); }

private:
    friend struct detail::writer_access;

    // open() for a name known to be valid (xstanza's own element names).
    void open_valid(std::string_view name, std::string_view ns) noexcept {
        if (failed()) return;
        close_start_tag();
        if (depth_ == max_depth) return fail(errc::invalid_data, "elements nested deeper than xml_writer::max_depth");
        std::string_view scope = depth_ ? stack_[depth_ - 1].ns : root_ns_;
        put('<');
        put(name);
        stack_[depth_++] = frame{name, ns};
        start_open_ = true;
        if (!detail::same(ns, scope)) attribute("xmlns", ns);
    }

public:
    /// Writes name='value' on the element just opened (before any content).
    void attribute(std::string_view name, std::string_view value) noexcept {
        attribute_begin(name);
        attribute_piece(value);
        attribute_end();
    }
    /// Writes an attribute whose value comes in pieces (begin, pieces, end).
    void attribute_begin(std::string_view name) noexcept {
        if (failed()) return;
        if (!start_open_) return fail(errc::invalid_data, "attribute '", name, "' written after element content");
        put(' ');
        put(name);
        put("='");
    }
    /// Writes a piece of the attribute's value, escaped.
    void attribute_piece(std::string_view value) noexcept { escape(value, true); }
    /// Ends the attribute.
    void attribute_end() noexcept {
        if (failed()) return;
        put('\'');
    }

    /// Writes character data, escaped.
    void text(std::string_view s) noexcept {
        if (failed() || s.empty()) return;
        close_start_tag();
        escape(s, false);
    }

    /// Writes bytes verbatim: the caller guarantees they are one well-formed element.
    void raw(std::string_view xml) noexcept {
        if (failed()) return;
        close_start_tag();
        put(xml);
    }

    /// Ends the innermost element: "/>" when it is empty.
    void close() noexcept {
        if (failed() || depth_ == 0) return;
        frame& f = stack_[--depth_];
        if (start_open_) {
            put("/>");
            start_open_ = false;
            return;
        }
        put("</");
        put(f.name);
        put('>');
    }

    /// Puts the writer into the failed state with this error.
    template <class... Parts>
    void fail(errc code, const Parts&... parts) noexcept {
        if (!failed()) error_ = parse_error::make(code, written_ + len_, parts...);
    }
    /// True once some data could not be written (see error()).
    bool failed() const noexcept { return error_.code() != errc::ok; }
    /// The first error; errc::ok when none.
    const parse_error& error() const noexcept { return error_; }

    /// Flushes the buffer; returns the error, if any.
    parse_error finish() noexcept {
        flush();
        return error_;
    }
    /// Bytes produced so far (flushed or not).
    std::size_t size() const noexcept { return written_ + len_; }
    /// Elements opened and not yet closed.
    std::size_t depth() const noexcept { return depth_; }

private:
    struct frame {
        std::string_view name;
        std::string_view ns;
    };

    // attribute() for a value known to need no escaping (xstanza's own constants: IQ and
    // error types, subscription states): written as is, without the escaping scan.
    void attribute_plain(std::string_view name, std::string_view value) noexcept {
        attribute_begin(name);
        if (failed()) return;
        put(value);
        put('\'');
    }

    void close_start_tag() noexcept {
        if (start_open_) {
            put('>');
            start_open_ = false;
        }
    }

    // XML 1.0 §2.3 Name, as a QName; non-ASCII is accepted if it is valid UTF-8 (checked by escape rules elsewhere).
    static bool check_name(std::string_view n) noexcept {
        if (n.empty()) return false;
        const auto& bits = detail::scan_impl::ascii_names.bits;
        unsigned char c0 = static_cast<unsigned char>(n[0]);
        if (!(c0 >= 0x80 || (bits[c0] & detail::scan_impl::name_start_bit))) return false;
        bool ascii = true;
        for (char ch : n) {
            unsigned char c = static_cast<unsigned char>(ch);
            if (c >= 0x80) ascii = false;
            else if (!(bits[c] & detail::scan_impl::name_char_bit) && c != ':') return false;
        }
        return ascii || detail::check_xml_text(n).code == errc::ok;
    }

    void flush() noexcept {
        if (len_ && !sink_(context_, buf_, len_)) fail(errc::out_of_memory, "the output sink failed");
        written_ += len_;
        len_ = 0;
    }
    void put(char c) noexcept {
        if (len_ == sizeof buf_) flush();
        buf_[len_++] = c;
    }
    template <std::size_t N>
    void put(const char (&literal)[N]) noexcept {
        put(std::string_view(literal, N - 1));
    }
    // Names, JID parts and short values (1 to 16 bytes) that fit: inline, no call. The rest
    // goes through put_long.
#if defined(__GNUC__) || defined(__clang__)
    [[gnu::always_inline]]
#endif
    void put(std::string_view s) noexcept {
        const std::size_t n = s.size();
        if (n - 1 >= 16 || n > sizeof buf_ - len_) return put_long(s);  // n == 0 wraps around: put_long
        detail::copy_short(buf_ + len_, s.data(), n);
        len_ += n;
    }
#if defined(__GNUC__) || defined(__clang__)
    [[gnu::noinline]]
#endif
    void put_long(std::string_view s) noexcept {
        if (s.empty()) return;  // an empty view may have a null data(): memcpy(_, nullptr, 0) is UB
        if (s.size() > sizeof buf_ - len_) {
            flush();
            if (s.size() > sizeof buf_) {
                if (!sink_(context_, s.data(), s.size())) fail(errc::out_of_memory, "the output sink failed");
                written_ += s.size();
                return;
            }
        }
        if (s.size() - 1 < 16) return put(s);  // short, and fits after the flush
        std::memcpy(buf_ + len_, s.data(), s.size());
        len_ += s.size();
    }

    // Minimal escaping for single-quoted attributes and text; refuses what is not XML
    // (RFC 6120 §11.6: UTF-8; XML 1.0 §2.2: Char). In attributes, tab, LF and CR are written
    // as character references so that attribute-value normalisation (§3.3.3) keeps them;
    // in text, CR is (§2.11 would turn it into LF) and '>' is (so "]]>" never appears).
    void escape(std::string_view s, bool attr) noexcept {
        if (failed()) return;
        const char* p = s.data();
        const char* end = p + s.size();
        const char* run = p;
        while (p < end) {
            // Skip what needs no escaping, sixteen bytes at a time: stops at the characters
            // below and at control and non-ASCII bytes.
            const auto* b = reinterpret_cast<const unsigned char*>(p);
            const auto* e = reinterpret_cast<const unsigned char*>(end);
            p = reinterpret_cast<const char*>(attr ? detail::skip_plain<'&', '<', '\''>(b, e)
                                                   : detail::skip_plain<'&', '<', '>'>(b, e));
            if (p == end) break;
            unsigned char c = static_cast<unsigned char>(*p);
            std::string_view rep;  // sizes known here: no strlen
            if (c >= 0x80) {
                char32_t cp;
                int n = detail::decode_utf8(reinterpret_cast<const unsigned char*>(p), reinterpret_cast<const unsigned char*>(end), cp);
                if (n == 0) return fail(errc::invalid_data, "invalid UTF-8 in ", attr ? "an attribute value" : "text");
                if (!detail::is_xml_char(cp)) return fail(errc::invalid_data, "a character XML does not allow (U+FFFE/U+FFFF)");
                p += n;
                continue;
            }
            switch (c) {
            case '&': rep = std::string_view("&amp;", 5); break;
            case '<': rep = std::string_view("&lt;", 4); break;
            case '>': if (!attr) rep = std::string_view("&gt;", 4); break;
            case '\'': if (attr) rep = std::string_view("&apos;", 6); break;
            case '\r': rep = std::string_view("&#13;", 5); break;
            case '\n': if (attr) rep = std::string_view("&#10;", 5); break;
            case '\t': if (attr) rep = std::string_view("&#9;", 4); break;
            default:
                if (c < 0x20) return fail(errc::invalid_data, c == 0 ? "a NUL byte" : "a control character", " in ", attr ? "an attribute value" : "text", " (XML 1.0 §2.2)");
                break;
            }
            if (!rep.empty()) {
                put(std::string_view(run, std::size_t(p - run)));
                put(rep);
                run = p + 1;
            }
            ++p;
        }
        put(std::string_view(run, std::size_t(end - run)));
    }

    sink_fn sink_;
    void* context_;
    std::string_view root_ns_;
    role sender_;
    frame stack_[max_depth] = {};
    std::size_t depth_ = 0;
    bool start_open_ = false;
    char buf_[2048];
    std::size_t len_ = 0;
    std::size_t written_ = 0;
    parse_error error_;
};

// The extension point's writing half, payload_serializer<P>, is declared in model/payload.hpp.

namespace detail {

// xstanza's own element names are valid XML names: opened without checking them again.
struct writer_access {
    static void open(xml_writer& w, std::string_view name, std::string_view ns) noexcept { w.open_valid(name, ns); }
    // A constant value that needs no escaping ("result", "both", "subscribe", ...).
    static void attribute(xml_writer& w, std::string_view name, std::string_view value) noexcept {
        w.attribute_plain(name, value);
    }
    // A separator inside an attribute value being written ('@', '/').
    static void piece(xml_writer& w, char c) noexcept {
        if (!w.failed()) w.put(c);
    }
    // A piece of an attribute value that a type's invariant already keeps free of what
    // escape() would change or refuse (a JID's localpart and domainpart: codec/common.hpp).
    static void verbatim_piece(xml_writer& w, std::string_view s) noexcept {
        if (!w.failed()) w.put(s);
    }
};

}  // namespace detail

}  // namespace xstanza

#endif  // XSTANZA_XML_WRITER_HPP
