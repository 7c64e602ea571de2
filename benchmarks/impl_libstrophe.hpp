// parse/libstrophe: xmpp_stanza_new_from_string, then the walk over xmpp_stanza_t.
// libstrophe's only public way to parse a string creates and frees a parser per call
// (its stream parser is internal to a connection), so per-stanza parser set-up is part
// of this number. Attributes live in a hash table; the walk lists them with
// xmpp_stanza_get_attributes. It reads the NUL-terminated input as is: nothing copied.
//
// Two limits of libstrophe shape this adapter: its parser drops attribute prefixes
// (xml:lang arrives as "lang", so "lang" is read as xml:lang), and appending a child
// walks the sibling list (xmpp_stanza_add_child_ex), so building a tree is quadratic in
// the number of siblings: main.cpp skips it on roster100k, where that takes minutes.
#ifndef XSTANZA_BENCH_IMPL_LIBSTROPHE_HPP
#define XSTANZA_BENCH_IMPL_LIBSTROPHE_HPP

#include <cstddef>
#include <string>
#include <string_view>

#include <strophe.h>

#include "dom_walk.hpp"

namespace xstanza_bench {

struct libstrophe_dom {
    using node = xmpp_stanza_t*;
    static std::string_view name(node n) noexcept {
        const char* s = xmpp_stanza_get_name(n);
        return s ? std::string_view(s) : std::string_view();
    }
    template <class F>
    static bool attributes(node n, F f) {
        const char* kv[2 * 16];
        const int filled = xmpp_stanza_get_attributes(n, kv, 2 * 16);
        for (int i = 0; i + 1 < filled; i += 2) {
            std::string_view name = kv[i];
            if (name == "lang") name = "xml:lang";  // the prefix is lost in parsing
            if (!f(name, std::string_view(kv[i + 1]))) return false;
        }
        return true;
    }
    template <class F>
    static bool elements(node n, F f) {
        for (node c = xmpp_stanza_get_children(n); c; c = xmpp_stanza_get_next(c))
            if (xmpp_stanza_is_tag(c) && !f(c)) return false;
        return true;
    }
    // libstrophe joins an element's character data into one text child.
    static std::string_view text(node n) noexcept {
        for (node c = xmpp_stanza_get_children(n); c; c = xmpp_stanza_get_next(c))
            if (xmpp_stanza_is_text(c)) return xmpp_stanza_get_text_ptr(c);
        return {};
    }
};

class libstrophe_impl {
public:
    static constexpr bool decodes = true;
    /// Larger rosters are skipped: tree building is quadratic in the number of items.
    static constexpr std::size_t max_roster_items = 10000;

    libstrophe_impl() : ctx_(xmpp_ctx_new(nullptr, nullptr)) {}
    ~libstrophe_impl() { xmpp_ctx_free(ctx_); }
    libstrophe_impl(const libstrophe_impl&) = delete;
    libstrophe_impl& operator=(const libstrophe_impl&) = delete;

    template <class D>
    bool parse(const std::string& input, corpus_kind /*kind*/, D& d) {
        xmpp_stanza_t* s = xmpp_stanza_new_from_string(ctx_, input.c_str());
        if (!s) return false;
        const bool ok = walk_dom<libstrophe_dom>(s, d);
        xmpp_stanza_release(s);
        return ok;
    }

private:
    xmpp_ctx_t* ctx_;
};

}  // namespace xstanza_bench

#endif  // XSTANZA_BENCH_IMPL_LIBSTROPHE_HPP
