// xstanza: the byte loop that frames a stream. A resumable tokenizer over the chunks fed to
// a StreamReader: it follows the depth, the tag names, quotes and CDATA sections, just far
// enough to find where each construct ends (the XML declaration, the header's start tag, a
// first-level element, the closing tag); the reader then validates the construct with the
// Parser's scanner. It refuses what RFC 6120 §11 forbids as soon as it sees it.
#ifndef XSTANZA_STREAM_TOKENIZER_HPP
#define XSTANZA_STREAM_TOKENIZER_HPP

#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "../model/error.hpp"
#include "../model/stream.hpp"
#include "../model/stream_error.hpp"
#include "../xml/start_tag.hpp"
#include "input.hpp"

// The per-state steps are inlined into the loop, as if written in it; the refusals stay out
// of it, so that it stays small enough for the compiler to inline what it calls.
#if defined(__GNUC__) || defined(__clang__)
#define XSTANZA_STREAM_HOT [[gnu::always_inline]]
#define XSTANZA_STREAM_COLD [[gnu::cold, gnu::noinline]]
#else
#define XSTANZA_STREAM_HOT
#define XSTANZA_STREAM_COLD
#endif

namespace xstanza::detail {

// Where stream_tokenizer::run() stopped, or (inside it) that it goes on.
enum class stream_token : unsigned char {
    more,     // (the steps only) the byte is consumed: go on
    stop,     // the bytes given are read, or a region began (next() bounds it by the size limit)
    event,    // ev holds an event: a keepalive, the closing tag, an error
    decl,     // an XML declaration ends at the read position: take_region() has it
    header,   // the header's start tag ends there
    element,  // a first-level element ends there
};

// Where stream_tokenizer is in the stream's XML.
enum class stream_state : unsigned char {
    prolog,       // before the header: whitespace, an XML declaration, the header
    prolog_lt,    // after '<' there
    decl,         // inside "<?...?>" before the header
    top,          // between first-level elements
    top_lt,       // after '<' there
    top_bang,     // after "<!" there
    close_name,   // "</" at the top: matching the header's qname
    close_after,  // S? '>' after it
    tag_name,     // a start tag's name
    tag_space,    // between attributes
    attr_name,
    attr_eq,      // S? '=' after an attribute name
    attr_quote,   // S? then the opening quote
    attr_value,
    tag_slash,    // '/' in a start tag: '>' must follow
    content,      // character data inside an element
    content_lt,   // after '<' in content
    bang,         // after "<!" in content: "[CDATA[" must follow
    cdata,
    end_name,     // an end tag's name, matched against the open element's
    end_after,    // S? '>' after it
    closed,
};

// The names of the open elements of a first-level element, concatenated, to match their end
// tags (they count towards the element's limit).
class open_names {
public:
    // A start tag begins. False when out of memory.
    bool open() noexcept {
        try {
            starts_.push_back(names_.size());
            return true;
        } catch (...) {
            return false;
        }
    }
    // The next byte of its name. False when out of memory.
    bool push(char c) noexcept {
        try {
            names_.push_back(c);
            return true;
        } catch (...) {
            return false;
        }
    }
    // The name of the innermost open element.
    std::string_view innermost() const noexcept { return std::string_view(names_).substr(starts_.back()); }
    // The innermost element's tag closed.
    void close() noexcept {
        names_.resize(starts_.back());
        starts_.pop_back();
    }
    void clear() noexcept {
        names_.clear();
        starts_.clear();
    }

private:
    std::string names_;
    std::vector<std::size_t> starts_;
};

class stream_tokenizer : public stream_input {
public:
    explicit stream_tokenizer(const stream_limits& limits) noexcept : stream_input(limits) {}

    // The peer's closing tag was read.
    bool closed() const noexcept { return state_ == state::closed; }
    // After a header read as an empty element (<stream:stream .../>): true once, and the
    // stream is closed.
    bool take_close() noexcept {
        if (!closed_pending_) return false;
        closed_pending_ = false;
        state_ = state::closed;
        return true;
    }
    // RFC 6120 §4.3.3: a new stream starts (bytes fed but not read are kept).
    void restart() noexcept {
        state_ = state::prolog;
        closed_pending_ = false;
        drop_region();
        depth_ = 0;
        k_ = 0;
        names_.clear();
    }

    // Consumes bytes in [pos_, end) until a construct ends or an event is ready (never
    // returns more). `stream_qname` is the header's name, which the closing tag repeats.
    stream_token run(std::size_t end, StreamEvent& ev, std::string_view stream_qname) noexcept {
        while (pos_ < end) {
            const char c = data_[pos_];
            stream_token t = stream_token::more;
            switch (state_) {
            case state::prolog: t = on_prolog(c, ev); break;
            case state::prolog_lt: t = on_prolog_lt(c, ev); break;
            case state::decl: t = on_decl(c); break;
            case state::top: t = on_top(c, end, ev); break;
            case state::top_lt: t = on_top_lt(c, ev); break;
            case state::top_bang: t = on_top_bang(c, ev); break;
            case state::close_name: t = on_close_name(c, ev, stream_qname); break;
            case state::close_after: t = on_close_after(c, ev); break;
            case state::tag_name: t = on_tag_name(c, ev); break;
            case state::tag_space: t = on_tag_space(c, ev); break;
            case state::attr_name: t = on_attr_name(c); break;
            case state::attr_eq: t = on_attr_eq(c, ev); break;
            case state::attr_quote: t = on_attr_quote(c, ev); break;
            case state::attr_value: t = skip_past(quote_, end, state::tag_space); break;
            case state::tag_slash: t = on_tag_slash(c, ev); break;
            case state::content: t = skip_past('<', end, state::content_lt); break;
            case state::content_lt: t = on_content_lt(c, ev); break;
            case state::bang: t = on_bang(c, ev); break;
            case state::cdata: t = on_cdata(c); break;
            case state::end_name: t = on_end_name(c, ev); break;
            case state::end_after: t = on_end_after(c, ev); break;
            case state::closed: return stream_token::stop;  // next() handles it before calling run()
            }
            if (t != stream_token::more) return t;  // a step that fails the reader returns event
        }
        return stream_token::stop;
    }

private:
    using state = stream_state;
    static constexpr stream_token more = stream_token::more;

    // --- before the header (RFC 6120 §4.2, §11.5) ---
    XSTANZA_STREAM_HOT stream_token on_prolog(char c, StreamEvent& ev) noexcept {
        if (stream_space(c)) { ++pos_; return more; }
        if (c != '<') return malformed(ev, "content before the stream header (RFC 6120 §4.2)");
        begin_region();
        ++pos_;
        state_ = state::prolog_lt;
        return stream_token::stop;  // next() bounds the new region by the size limit
    }
    XSTANZA_STREAM_HOT stream_token on_prolog_lt(char c, StreamEvent& ev) noexcept {
        if (c == '?') {
            ++pos_;
            prev_question_ = false;
            state_ = state::decl;
            return more;
        }
        if (c == '!') return restricted(ev, "a comment or DTD before the stream header (RFC 6120 §11.1)");
        if (name_stop(c)) return malformed(ev, "'<' not followed by a name");
        region_header_ = true;
        ++pos_;
        state_ = state::tag_name;
        return more;
    }
    XSTANZA_STREAM_HOT stream_token on_decl(char c) noexcept {
        ++pos_;
        if (c == '>' && prev_question_) {
            state_ = state::prolog;
            return stream_token::decl;
        }
        prev_question_ = c == '?';
        return more;
    }

    // --- between first-level elements (RFC 6120 §4.4, §11.7) ---
    XSTANZA_STREAM_HOT stream_token on_top(char c, std::size_t end, StreamEvent& ev) noexcept {
        if (stream_space(c)) {
            // RFC 6120 §11.7, §4.6.4: whitespace between stanzas is a keepalive
            std::size_t q = pos_ + 1;
            while (q < end && stream_space(data_[q])) ++q;
            ev.type = StreamEventType::keepalive;
            ev.data = data_ + pos_;
            ev.size = q - pos_;
            ev.offset = offset_at(pos_);
            pos_ = q;
            return stream_token::event;
        }
        if (c != '<')
            // RFC 6120 §11.7: between first-level elements only whitespace may appear
            return refuse(ev, StreamCondition::bad_format, errc::unexpected_text,
                          "character data between first-level elements (RFC 6120 §11.7)");
        begin_region();
        ++pos_;
        state_ = state::top_lt;
        return stream_token::stop;  // next() bounds the new region by the size limit
    }
    XSTANZA_STREAM_HOT stream_token on_top_lt(char c, StreamEvent& ev) noexcept {
        if (c == '/') return begin_closing_name(state::close_name);
        if (c == '!') {
            ++pos_;
            state_ = state::top_bang;
            return more;
        }
        if (c == '?') return restricted(ev, "a processing instruction in the stream (RFC 6120 §11.1)", errc::forbidden_pi);
        if (name_stop(c)) return malformed(ev, "'<' not followed by a name");
        ++pos_;
        if (!open_tag(ev, c)) return stream_token::event;
        state_ = state::tag_name;
        return more;
    }
    stream_token on_top_bang(char c, StreamEvent& ev) noexcept {
        if (c == '-') return restricted(ev, "a comment in the stream (RFC 6120 §11.1)", errc::forbidden_comment);
        if (c == '[')
            return refuse(ev, StreamCondition::bad_format, errc::unexpected_text,
                          "a CDATA section between first-level elements (RFC 6120 §11.7)");
        return restricted(ev, "a DTD in the stream (RFC 6120 §11.1)", errc::forbidden_dtd);
    }
    XSTANZA_STREAM_HOT stream_token on_close_name(char c, StreamEvent& ev, std::string_view qname) noexcept {
        // RFC 6120 §4.4: the stream ends with the closing tag of the header's element
        if (closing_name_byte(c, qname, state::close_after)) return more;
        return mismatched(ev, "a closing tag at the top level that is not </", qname);
    }
    XSTANZA_STREAM_HOT stream_token on_close_after(char c, StreamEvent& ev) noexcept {
        if (c != '>') return closing_space(c, ev, "expected '>' after the closing stream tag");
        ++pos_;
        region_ = false;
        state_ = state::closed;
        ev.type = StreamEventType::closed;
        ev.offset = offset_at(pos_);
        return stream_token::event;
    }

    // --- a start tag ---
    XSTANZA_STREAM_HOT stream_token on_tag_name(char c, StreamEvent& ev) noexcept {
        if (!name_stop(c)) {
            if (!push_name_byte(ev, c)) return stream_token::event;
            ++pos_;
            return more;
        }
        if (stream_space(c)) {
            ++pos_;
            state_ = state::tag_space;
            return more;
        }
        return tag_end(c, ev, "unexpected character in an element name");
    }
    XSTANZA_STREAM_HOT stream_token on_tag_space(char c, StreamEvent& ev) noexcept {
        if (stream_space(c)) { ++pos_; return more; }
        if (name_stop(c)) return tag_end(c, ev, "unexpected character in a start tag");
        ++pos_;
        state_ = state::attr_name;
        return more;
    }
    // '/' or '>' ends a start tag; any other byte is `what`.
    XSTANZA_STREAM_HOT stream_token tag_end(char c, StreamEvent& ev, const char* what) noexcept {
        if (c == '/') {
            ++pos_;
            state_ = state::tag_slash;
            return more;
        }
        if (c != '>') return malformed(ev, what);
        ++pos_;
        if (region_header_) return header_done();
        ++depth_;
        state_ = state::content;
        return more;
    }
    XSTANZA_STREAM_HOT stream_token on_attr_name(char c) noexcept {
        if (!name_stop(c)) ++pos_;
        else state_ = state::attr_eq;
        return more;
    }
    XSTANZA_STREAM_HOT stream_token on_attr_eq(char c, StreamEvent& ev) noexcept {
        if (stream_space(c)) { ++pos_; return more; }
        if (c != '=') return malformed(ev, "expected '=' after an attribute name");
        ++pos_;
        state_ = state::attr_quote;
        return more;
    }
    XSTANZA_STREAM_HOT stream_token on_attr_quote(char c, StreamEvent& ev) noexcept {
        if (stream_space(c)) { ++pos_; return more; }
        if (c != '\'' && c != '"') return malformed(ev, "an attribute value must be quoted");
        quote_ = c;
        ++pos_;
        state_ = state::attr_value;
        return more;
    }
    XSTANZA_STREAM_HOT stream_token on_tag_slash(char c, StreamEvent& ev) noexcept {
        if (c != '>') return malformed(ev, "expected '>' after '/' in a start tag");
        ++pos_;
        if (region_header_) {
            // <stream:stream .../>: a header and an empty stream at once
            closed_pending_ = true;
            return header_done();
        }
        return element_closed();
    }

    // --- inside an element ---
    // Skips to just past the next `stop` byte and goes on in state `next`; or to `end`.
    XSTANZA_STREAM_HOT stream_token skip_past(char stop, std::size_t end, state next) noexcept {
        const void* q = std::memchr(data_ + pos_, stop, end - pos_);
        if (!q) {
            pos_ = end;
            return more;
        }
        pos_ = std::size_t(static_cast<const char*>(q) - data_) + 1;
        state_ = next;
        return more;
    }
    XSTANZA_STREAM_HOT stream_token on_content_lt(char c, StreamEvent& ev) noexcept {
        if (c == '/') return begin_closing_name(state::end_name);
        if (c == '!') {
            ++pos_;
            k_ = 0;
            state_ = state::bang;
            return more;
        }
        if (c == '?') return restricted(ev, "a processing instruction in a stanza (RFC 6120 §11.1)", errc::forbidden_pi);
        if (name_stop(c)) return malformed(ev, "'<' not followed by a name");
        if (depth_ >= limits_.max_depth)
            return refuse(ev, StreamCondition::policy_violation, errc::depth_limit,
                          "elements nested deeper than the limit (RFC 6120 §13.12)");
        if (!open_tag(ev, c)) return stream_token::event;
        ++pos_;
        state_ = state::tag_name;
        return more;
    }
    XSTANZA_STREAM_HOT stream_token on_bang(char c, StreamEvent& ev) noexcept {
        constexpr std::string_view cdata_open = "[CDATA[";
        if (k_ == 0 && c == '-') return restricted(ev, "a comment in a stanza (RFC 6120 §11.1)", errc::forbidden_comment);
        if (c != cdata_open[k_]) {
            if (k_ == 0) return restricted(ev, "a DTD in a stanza (RFC 6120 §11.1)", errc::forbidden_dtd);
            return malformed(ev, "malformed CDATA section start");
        }
        ++pos_;
        if (++k_ == cdata_open.size()) {
            brackets_ = 0;
            state_ = state::cdata;
        }
        return more;
    }
    XSTANZA_STREAM_HOT stream_token on_cdata(char c) noexcept {
        ++pos_;
        if (c == ']') {
            if (brackets_ < 2) ++brackets_;
        } else if (c == '>' && brackets_ == 2) {
            state_ = state::content;
        } else {
            brackets_ = 0;
        }
        return more;
    }
    XSTANZA_STREAM_HOT stream_token on_end_name(char c, StreamEvent& ev) noexcept {
        std::string_view open = names_.innermost();
        if (closing_name_byte(c, open, state::end_after)) return more;
        return mismatched(ev, "closing tag does not match the open element <", open);
    }
    XSTANZA_STREAM_HOT stream_token on_end_after(char c, StreamEvent& ev) noexcept {
        if (c != '>') return closing_space(c, ev, "expected '>' to end a closing tag");
        ++pos_;
        --depth_;
        return element_closed();
    }

    // --- closing tags, at the top and inside elements ---
    // "</": the closing tag's name follows, matched in state `s`.
    XSTANZA_STREAM_HOT stream_token begin_closing_name(state s) noexcept {
        ++pos_;
        k_ = 0;
        state_ = s;
        return more;
    }
    // One byte of a closing tag's name, which must be `name`; S or '>' after all of it moves
    // to state `after`. False when the byte does not fit.
    XSTANZA_STREAM_HOT bool closing_name_byte(char c, std::string_view name, state after) noexcept {
        if (k_ < name.size() && c == name[k_]) {
            ++k_;
            ++pos_;
            return true;
        }
        if (k_ == name.size() && (c == '>' || stream_space(c))) {
            state_ = after;
            return true;
        }
        return false;
    }
    // Between a closing tag's name and its '>': whitespace only; anything else is `what`.
    XSTANZA_STREAM_HOT stream_token closing_space(char c, StreamEvent& ev, const char* what) noexcept {
        if (!stream_space(c)) return malformed(ev, what);
        ++pos_;
        return more;
    }
    // An element's tag closed (its end tag, or the '/>' of an empty one): the element is
    // first-level at depth 0, else its parent's content goes on.
    XSTANZA_STREAM_HOT stream_token element_closed() noexcept {
        names_.close();
        if (depth_ != 0) {
            state_ = state::content;
            return more;
        }
        names_.clear();
        state_ = state::top;
        return stream_token::element;
    }
    // The header's start tag is complete: first-level elements follow.
    stream_token header_done() noexcept {
        region_header_ = false;
        state_ = state::top;
        return stream_token::header;
    }

    // '<' + a name byte in content or at the top: a start tag begins. False when out of
    // memory, with ev the error.
    XSTANZA_STREAM_HOT bool open_tag(StreamEvent& ev, char c) noexcept {
        if (names_.open() && names_.push(c)) return true;
        refuse(ev, StreamCondition::resource_constraint, errc::out_of_memory, "out of memory");
        return false;
    }
    // The next byte of a start tag's name (the header's is not kept). False when out of
    // memory, with ev the error.
    XSTANZA_STREAM_HOT bool push_name_byte(StreamEvent& ev, char c) noexcept {
        if (region_header_ || names_.push(c)) return true;
        refuse(ev, StreamCondition::resource_constraint, errc::out_of_memory, "out of memory");
        return false;
    }

    // --- refusals, at the read position ---
    template <class... Parts>
    XSTANZA_STREAM_COLD stream_token refuse(StreamEvent& ev, StreamCondition c, errc code, const Parts&... parts) noexcept {
        fail(ev, c, code, offset_at(pos_), parts...);
        return stream_token::event;
    }
    XSTANZA_STREAM_COLD stream_token malformed(StreamEvent& ev, const char* what) noexcept {
        // RFC 6120 §11.3: data that is not well-formed XML closes the stream with not-well-formed
        return refuse(ev, StreamCondition::not_well_formed, errc::malformed, what);
    }
    // A closing tag's name is not `name`: `what`, the name, '>'.
    XSTANZA_STREAM_COLD stream_token mismatched(StreamEvent& ev, const char* what, std::string_view name) noexcept {
        return refuse(ev, StreamCondition::not_well_formed, errc::mismatched_tag, what, name, ">");
    }
    XSTANZA_STREAM_COLD stream_token restricted(StreamEvent& ev, const char* what, errc code = errc::forbidden_dtd) noexcept {
        // RFC 6120 §11.1: comments, PIs, DTDs -> restricted-xml (§4.9.3.18)
        return refuse(ev, StreamCondition::restricted_xml, code, what);
    }

    state state_ = state::prolog;
    bool closed_pending_ = false;
    bool prev_question_ = false;
    char quote_ = 0;
    unsigned brackets_ = 0;
    std::size_t k_ = 0;
    std::size_t depth_ = 0;
    open_names names_;
};

}  // namespace xstanza::detail

#undef XSTANZA_STREAM_HOT
#undef XSTANZA_STREAM_COLD

#endif  // XSTANZA_STREAM_TOKENIZER_HPP
