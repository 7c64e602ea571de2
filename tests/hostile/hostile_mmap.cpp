// No read outside the input: every case of tests/adversarial/ (whole, whatever its size,
// up to the multi-megabyte limit cases), and every prefix of each case up to 4 KiB, is
// placed so that the byte after its end is the first byte of a PROT_NONE page, then handed to
//   - the validating scanner (it reads the caller's bytes directly),
//   - Jid::parse,
//   - Parser::parse<T>(std::string_view) for AnyStanza and the case's target: this copies the
//     input first, so the guard proves only that the copy stays inside the input (the reads
//     of the copy are the in-situ path's, below, and AddressSanitizer's in the asan build);
// and, with the one padding byte parse_in_situ asks for as the last readable byte, to
// Parser::parse_in_situ for AnyStanza and the case's target: the parser's own reads of the
// caller's buffer, which a SIGSEGV would stop at the first byte past the padding. The
// in-situ and the copying parses must agree. serialize_into writes into a buffer that ends
// at a guard page, with exactly the capacity it needs and one byte less.
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include <xstanza/xstanza.hpp>

#include "../support/vectors.hpp"
#include "hostile.hpp"

using namespace xstanza;

namespace {

// Readable and writable bytes followed by a PROT_NONE page.
class guarded {
public:
    explicit guarded(std::size_t capacity) {
        page_ = std::size_t(sysconf(_SC_PAGESIZE));
        data_pages_ = (capacity + page_ - 1) / page_ + 1;
        size_ = (data_pages_ + 1) * page_;
        void* m = mmap(nullptr, size_, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (m == MAP_FAILED) {
            std::perror("mmap");
            std::exit(1);
        }
        base_ = static_cast<char*>(m);
        if (mprotect(base_ + data_pages_ * page_, page_, PROT_NONE) != 0) {
            std::perror("mprotect");
            std::exit(1);
        }
    }
    ~guarded() { munmap(base_, size_); }
    guarded(const guarded&) = delete;
    guarded& operator=(const guarded&) = delete;

    /// n bytes ending right before the guard page.
    char* place(std::string_view bytes) {
        char* p = end() - bytes.size();
        if (!bytes.empty()) std::memcpy(p, bytes.data(), bytes.size());
        return p;
    }
    char* end() const { return base_ + data_pages_ * page_; }

private:
    std::size_t page_ = 0, data_pages_ = 0, size_ = 0;
    char* base_ = nullptr;
};

std::size_t parses = 0;

void check_at_guard(guarded& g, const vectors::test_case& c, std::string_view bytes, Parser& parser,
                    detail::scanner& scanner) {
    const char* at = g.place(bytes);
    const std::string_view input(at, bytes.size());
    if (c.is_jid()) {
        result<Jid> j = Jid::parse(input);
        ++parses;
        if (j) {
            result<Jid> again = Jid::from_parts(j->local(), j->domain(), j->resource());
            HOSTILE_CHECK(bool(again), "%s:%zu: from_parts", c.file.c_str(), c.line);
        }
        return;
    }
    parser.set_limits(c.limits);
    parser.set_rules(c.rules);
    (void)scanner.scan(at, bytes.size(), c.limits);
    (void)Jid::parse(input);
    // In situ: the padding byte is the last readable (and writable) one. In-situ parsing
    // decodes into the buffer, so each parse gets the bytes afresh.
    char* padded = g.end() - bytes.size() - 1;
    auto in_situ = [&](auto* tag) {
        using T = std::remove_pointer_t<decltype(tag)>;
        g.place(bytes);  // the copying parse reads the input placed at the guard
        const bool copied = bool(parser.parse<T>(input));
        if (!bytes.empty()) std::memcpy(padded, bytes.data(), bytes.size());  // overlaps it, one byte earlier
        const bool placed = bool(parser.parse_in_situ<T>(padded, bytes.size()));
        HOSTILE_CHECK(placed == copied, "%s:%zu: in situ and copying parses disagree on %zu bytes", c.file.c_str(),
                      c.line, bytes.size());
        parses += 2;
    };
    in_situ(static_cast<AnyStanza*>(nullptr));
    vectors::with_target(c.target, in_situ);
    parses += 2;
}

// serialize_into never writes past its capacity: the buffer ends at a guard page.
void check_serialize_into(guarded& g, const vectors::test_case& c, Parser& parser) {
    if (c.is_jid() || c.code != errc::ok) return;
    parser.set_limits(c.limits);
    result<AnyStanza> r = parser.parse<AnyStanza>(c.input);
    if (!r) return;
    std::string expected;
    if (serialize(*r, expected, role::server)) return;
    for (std::size_t capacity : {expected.size(), expected.size() ? expected.size() - 1 : 0}) {
        char* buffer = g.end() - capacity;
        serialize_result s = serialize_into(*r, buffer, capacity, role::server);
        HOSTILE_CHECK(s.size == expected.size(), "%s:%zu: serialize_into size", c.file.c_str(), c.line);
        if (capacity == expected.size())
            HOSTILE_CHECK(s && std::string_view(buffer, capacity) == expected, "%s:%zu: serialize_into output",
                          c.file.c_str(), c.line);
        else
            HOSTILE_CHECK(!s && s.error.code() == errc::buffer_too_small, "%s:%zu: buffer_too_small",
                          c.file.c_str(), c.line);
    }
}

}  // namespace

int main() {
    constexpr std::size_t prefix_max = 4 * 1024;   // cases placed at every prefix
    const std::vector<vectors::test_case>& cases = vectors::all();
    std::size_t biggest = 0;
    for (const vectors::test_case& c : cases) biggest = std::max(biggest, c.input.size());
    guarded g(biggest + 1);
    guarded out(biggest * 2 + 4096);
    Parser parser;
    detail::scanner scanner;
    std::size_t placed = 0;
    for (const vectors::test_case& c : cases) {
        const std::size_t step = c.input.size() <= prefix_max ? 1 : c.input.size();
        for (std::size_t n = c.input.size() % step; n <= c.input.size(); n += step) {
            check_at_guard(g, c, std::string_view(c.input).substr(0, n), parser, scanner);
            ++placed;
        }
        check_serialize_into(out, c, parser);
    }
    std::printf("%zu inputs placed against a guard page, %zu parses\n", placed, parses);
    return hostile::exit_status();
}
