// parse/gloox: gloox::Parser (gloox's own XML parser) reused across documents; it
// builds a gloox::Tag tree (std::string names, values and text, std::list children)
// and hands the root to a TagHandler, where the walk runs. feed() takes a mutable
// std::string, so the input is copied into a reused one.
#ifndef XSTANZA_BENCH_IMPL_GLOOX_HPP
#define XSTANZA_BENCH_IMPL_GLOOX_HPP

#include <string>
#include <string_view>

#include <gloox/parser.h>
#include <gloox/tag.h>
#include <gloox/taghandler.h>

#include "dom_walk.hpp"

namespace xstanza_bench {

struct gloox_dom {
    using node = const gloox::Tag*;
    static std::string_view name(node n) noexcept { return n->name(); }
    template <class F>
    static bool attributes(node n, F f) {
        for (const gloox::Tag::Attribute* a : n->attributes()) {
            // gloox keeps a prefix apart from the name: rebuild "xml:lang".
            if (!a->prefix().empty()) {
                if (a->prefix() == "xml" && a->name() == "lang" && !f(std::string_view("xml:lang"), std::string_view(a->value())))
                    return false;
                continue;
            }
            if (!f(std::string_view(a->name()), std::string_view(a->value()))) return false;
        }
        return true;
    }
    template <class F>
    static bool elements(node n, F f) {
        for (const gloox::Tag* c : n->children())
            if (!f(c)) return false;
        return true;
    }
    static std::string text(node n) { return n->cdata(); }
};

class gloox_impl : private gloox::TagHandler {
public:
    static constexpr bool decodes = true;

    gloox_impl() : parser_(this) {}

    template <class D>
    bool parse(const std::string& input, corpus_kind /*kind*/, D& d) {
        buffer_.assign(input);
        d_ = &d;
        walk_ = [](const gloox::Tag* t, void* dp) { return walk_dom<gloox_dom>(t, *static_cast<D*>(dp)); };
        ok_ = false;
        done_ = false;
        if (parser_.feed(buffer_) != -1) {  // -1: all consumed without error
            parser_.cleanup();
            return false;
        }
        return done_ && ok_;
    }

private:
    void handleTag(gloox::Tag* tag) override {
        done_ = true;
        ok_ = walk_(tag, d_);
    }

    gloox::Parser parser_;
    std::string buffer_;
    void* d_ = nullptr;  // the D of parse<D>(), which walk_ casts it back to
    bool (*walk_)(const gloox::Tag*, void*) = nullptr;
    bool ok_ = false, done_ = false;
};

}  // namespace xstanza_bench

#endif  // XSTANZA_BENCH_IMPL_GLOOX_HPP
