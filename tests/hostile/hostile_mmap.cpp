// No read outside the input: every case of tests/adversarial/ (up to 64 KiB), and every
// prefix of each case up to 4 KiB, is placed so that the byte after its end is the first
// byte of a PROT_NONE page, then handed to
//   - Parser::parse<T>(std::string_view) for AnyIq and the case's target (it copies),
//   - the validating scanner (it reads the caller's bytes directly),
//   - Jid::parse;
// and, with the one padding byte parse_in_situ asks for as the last readable byte, to
// Parser::parse_in_situ. Any read past the end is a SIGSEGV. serialize_into writes into a
// buffer that ends at a guard page, with exactly the capacity it needs and one byte less.
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

#include "../adversarial/vectors.hpp"
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
    result<AnyIq> any = parser.parse<AnyIq>(input);
    vectors::with_target(c.target, [&](auto* tag) {
        using T = std::remove_pointer_t<decltype(tag)>;
        result<T> r = parser.parse<T>(input);
        (void)r;
    });
    (void)scanner.scan(at, bytes.size(), c.limits);
    (void)Jid::parse(input);
    // In situ: the padding byte is the last readable (and writable) one.
    char* padded = g.end() - bytes.size() - 1;
    if (!bytes.empty()) std::memcpy(padded, bytes.data(), bytes.size());
    result<AnyIq> in_situ = parser.parse_in_situ<AnyIq>(padded, bytes.size());
    HOSTILE_CHECK(bool(in_situ) == bool(any), "%s:%zu: in situ and copying parses disagree on %zu bytes",
                  c.file.c_str(), c.line, bytes.size());
    parses += 4;
}

// serialize_into never writes past its capacity: the buffer ends at a guard page.
void check_serialize_into(guarded& g, const vectors::test_case& c, Parser& parser) {
    if (c.is_jid() || c.code != errc::ok) return;
    parser.set_limits(c.limits);
    result<AnyIq> r = parser.parse<AnyIq>(c.input);
    if (!r) return;
    std::string expected;
    if (serialize(*r, expected)) return;
    for (std::size_t capacity : {expected.size(), expected.size() ? expected.size() - 1 : 0}) {
        char* buffer = g.end() - capacity;
        serialize_result s = serialize_into(*r, buffer, capacity);
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
    constexpr std::size_t whole_max = 64 * 1024;   // cases placed whole
    constexpr std::size_t prefix_max = 4 * 1024;   // cases placed at every prefix
    const std::vector<vectors::test_case>& cases = vectors::all();
    std::size_t biggest = 0;
    for (const vectors::test_case& c : cases)
        if (c.input.size() <= whole_max) biggest = std::max(biggest, c.input.size());
    guarded g(biggest + 1);
    guarded out(biggest * 2 + 4096);
    Parser parser;
    detail::scanner scanner;
    std::size_t placed = 0;
    for (const vectors::test_case& c : cases) {
        if (c.input.size() > whole_max) continue;
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
