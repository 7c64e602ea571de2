// parse/expat: one XML_Parser reused through XML_ParserReset (no namespace processing:
// xmlns attributes are read like the DOM adapters read them), the walk as SAX callbacks.
// Expat does not modify the input, so nothing is copied.
//
// XML_ParserReset clears the hash salt, and expat then reads fresh entropy for every
// document (a getrandom() system call per stanza). A receiver parses a whole stream
// with one parser and so salts once: the adapter draws one salt at construction and
// sets it after each reset, which keeps the per-stanza cost comparable.
#ifndef XSTANZA_BENCH_IMPL_EXPAT_HPP
#define XSTANZA_BENCH_IMPL_EXPAT_HPP

#include <cstring>
#include <random>
#include <string>
#include <string_view>

#include <expat.h>

#include "walk.hpp"

namespace xstanza_bench {

class expat_impl {
public:
    static constexpr bool decodes = true;

    expat_impl() : parser_(XML_ParserCreate("UTF-8")), salt_(std::random_device{}() | 1u) {}
    ~expat_impl() { XML_ParserFree(parser_); }
    expat_impl(const expat_impl&) = delete;
    expat_impl& operator=(const expat_impl&) = delete;

    template <class D>
    bool parse(const std::string& input, corpus_kind /*kind*/, D& d) {
        if (!XML_ParserReset(parser_, "UTF-8")) return false;
        XML_SetHashSalt(parser_, salt_);
        XML_SetUserData(parser_, this);
        XML_SetElementHandler(parser_, &expat_impl::on_start<D>, &expat_impl::on_end<D>);
        XML_SetCharacterDataHandler(parser_, &expat_impl::on_text);
        d_ = &d;
        depth_ = 0;
        ok_ = true;
        seen_payload_ = seen_error_ = in_roster_ = in_item_ = in_error_ = false;
        collect_ = collect_none;
        error_ = error_fields{};
        if (XML_Parse(parser_, input.data(), int(input.size()), 1) != XML_STATUS_OK) return false;
        return ok_ && depth_ == 0;
    }

private:
    enum collect_kind { collect_none, collect_group, collect_text };
    struct error_fields {
        unsigned type = no_match, condition = no_match;
        bool has_text = false;  // the text and its xml:lang are in error_text_, error_lang_
    };

    static expat_impl& self(void* p) noexcept { return *static_cast<expat_impl*>(p); }

    void fail() noexcept {
        ok_ = false;
        XML_StopParser(parser_, XML_FALSE);
    }

    template <class D>
    static void on_start(void* user, const XML_Char* name_c, const XML_Char** atts) {
        expat_impl& s = self(user);
        if (!s.ok_) return;
        const std::string_view name(name_c);
        D& d = *static_cast<D*>(s.d_);
        ++s.depth_;
        if (s.depth_ == 1) {
            if (name != "iq") return s.fail();
            header_fields h;
            s.iq_ns_.clear();
            for (const XML_Char** a = atts; *a; a += 2) {
                std::string_view n(a[0]), v(a[1]);
                if (n == "xmlns") s.iq_ns_.assign(v);
                else h.attribute(n, v);
            }
            if (!h.feed(d)) return s.fail();
        } else if (s.depth_ == 2) {
            if (name == "error") {
                if (s.seen_error_) return;
                s.seen_error_ = s.in_error_ = true;
                s.error_ns_ = s.iq_ns_;
                for (const XML_Char** a = atts; *a; a += 2) {
                    std::string_view n(a[0]), v(a[1]);
                    if (n == "type") s.error_.type = lookup(error_types, v);
                    else if (n == "xmlns") s.error_ns_.assign(v);
                }
                return;
            }
            if (s.seen_payload_) return;
            s.seen_payload_ = true;
            std::string_view ns = s.iq_ns_, ver;
            bool has_ver = false;
            for (const XML_Char** a = atts; *a; a += 2) {
                std::string_view n(a[0]), v(a[1]);
                if (n == "xmlns") ns = v;
                else if (n == "ver") { ver = v; has_ver = true; }
            }
            d.str(name);
            d.str(ns);
            s.in_roster_ = name == "query" && ns == roster_ns;
            if (s.in_roster_ && has_ver) d.str(ver);
        } else if (s.depth_ == 3 && s.in_roster_) {
            if (name != "item") return s.fail();
            item_fields f;
            for (const XML_Char** a = atts; *a; a += 2)
                if (!f.attribute(a[0], a[1])) return s.fail();
            if (!f.feed(d)) return s.fail();
            s.in_item_ = true;
        } else if (s.depth_ == 3 && s.in_error_) {
            std::string_view ns = s.error_ns_, lang;
            for (const XML_Char** a = atts; *a; a += 2) {
                std::string_view n(a[0]), v(a[1]);
                if (n == "xmlns") ns = v;
                else if (n == "xml:lang") lang = v;
            }
            if (ns != stanzas_ns) return;  // an application-specific condition: not walked
            if (name == "text") {
                s.error_.has_text = true;
                s.error_lang_.assign(lang);
                s.text_.clear();
                s.collect_ = collect_text;
                return;
            }
            s.error_.condition = lookup(conditions, name);
            if (s.error_.condition == no_match) return s.fail();
        } else if (s.depth_ == 4 && s.in_item_) {
            if (name != "group") return s.fail();
            s.text_.clear();
            s.collect_ = collect_group;
        }
    }

    static void on_text(void* user, const XML_Char* text, int len) {
        expat_impl& s = self(user);
        if (s.collect_ != collect_none) s.text_.append(text, std::size_t(len));
    }

    template <class D>
    static void on_end(void* user, const XML_Char* /*name*/) {
        expat_impl& s = self(user);
        if (!s.ok_) return;
        D& d = *static_cast<D*>(s.d_);
        if (s.collect_ == collect_group && s.depth_ == 4) {
            if (s.text_.empty()) return s.fail();  // RFC 6121 §2.3.3: group names are non-empty
            d.str(s.text_);
            s.collect_ = collect_none;
        } else if (s.collect_ == collect_text && s.depth_ == 3) {
            s.error_text_.swap(s.text_);  // kept for the end of the stanza; both keep their capacity
            s.collect_ = collect_none;
        } else if (s.depth_ == 3) {
            s.in_item_ = false;
        } else if (s.depth_ == 2) {
            s.in_roster_ = s.in_error_ = false;
        } else if (s.depth_ == 1 && s.seen_error_) {
            // Fed last, whatever the document order, as the DOM walks do.
            const error_fields& e = s.error_;
            if (e.type == no_match || e.condition == no_match) return s.fail();
            d.tag(e.type);
            d.tag(e.condition);
            if (e.has_text) d.str(s.error_text_);
            if (e.has_text && !s.error_lang_.empty()) d.str(s.error_lang_);
        }
        --s.depth_;
    }

    XML_Parser parser_;
    unsigned long salt_;
    void* d_ = nullptr;  // the D of parse<D>(), which set the handlers that read it
    int depth_ = 0;
    bool ok_ = true;
    bool seen_payload_ = false, seen_error_ = false;
    bool in_roster_ = false, in_item_ = false, in_error_ = false;
    collect_kind collect_ = collect_none;
    error_fields error_;
    std::string iq_ns_, error_ns_, text_, error_text_, error_lang_;
};

}  // namespace xstanza_bench

#endif  // XSTANZA_BENCH_IMPL_EXPAT_HPP
