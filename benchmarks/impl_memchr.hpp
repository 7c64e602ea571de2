// parse/memchr: counts '<' with memchr over the input. No parse, no walk: the floor.
#ifndef XSTANZA_BENCH_IMPL_MEMCHR_HPP
#define XSTANZA_BENCH_IMPL_MEMCHR_HPP

#include <cstring>
#include <string>

#include "walk.hpp"

namespace xstanza_bench {

class memchr_impl {
public:
    static constexpr bool decodes = false;

    template <class D>
    bool parse(const std::string& input, corpus_kind /*kind*/, D& d) noexcept {
        const char* p = input.data();
        const char* const end = p + input.size();
        unsigned n = 0;
        while ((p = static_cast<const char*>(std::memchr(p, '<', std::size_t(end - p)))) != nullptr) {
            ++n;
            ++p;
        }
        d.tag(n);
        return true;
    }
};

}  // namespace xstanza_bench

#endif  // XSTANZA_BENCH_IMPL_MEMCHR_HPP
