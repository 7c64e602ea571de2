// Bounded stack: the deepest input the default limits accept, and a 1,000,000-deep one, are
// parsed (copying, in situ, typed) and serialized on a thread whose whole stack is 256 KiB,
// with a PROT_NONE guard page below it, then again on a thread given a 256 KiB stack with
// pthread_attr_setstacksize. The deep one must get errc::depth_limit, not a crash. The first
// stack is painted beforehand, so the test also measures how much of it was used.
#include <pthread.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <rapidxml/rapidxml.hpp>

#include <xstanza/xstanza.hpp>

#include "hostile.hpp"

using namespace xstanza;

namespace {

constexpr std::size_t stack_size = 256 * 1024;
// The bound README.md ("Bounded stack") documents: about 17 KiB measured with g++ -O2, 23 KiB
// under AddressSanitizer; asserted here, not merely that the 256 KiB stack sufficed.
constexpr std::size_t documented_bound = 32 * 1024;
constexpr unsigned char paint = 0xA5;

// `levels` nested <a/> in a stanza: an IQ's payload by default, or a message's or presence's
// extension.
std::string nested(std::size_t levels, bool closed, std::string_view kind = "iq") {
    std::string s = kind == "iq" ? "<iq type='get' id='deep'>" : "<" + std::string(kind) + " id='deep'>";
    s.reserve(levels * 7 + 64);
    for (std::size_t i = 0; i < levels; ++i) s += i ? "<a>" : "<a xmlns='urn:x'>";  // a payload has a namespace (RFC 6120 §8.4)
    if (closed)
        for (std::size_t i = 0; i < levels; ++i) s += "</a>";
    if (closed) s += "</" + std::string(kind) + ">";
    return s;
}

// A message and a presence with the deepest extension: parse, round-trip, and the extension's
// RapidXML tree (to_rapidxml keeps its own stack).
void deep_extensions(Parser& parser, std::size_t deepest) {
    for (std::string_view kind : {"message", "presence"}) {
        const std::string ok = nested(deepest, true, kind);
        result<AnyStanza> r = parser.parse<AnyStanza>(ok);
        HOSTILE_CHECK(bool(r), "deepest %s: %s", std::string(kind).c_str(), std::string(r.error().message()).c_str());
        if (!r) continue;
        std::string out;
        HOSTILE_CHECK(!serialize(*r, out), "serializing the deepest %s", std::string(kind).c_str());
        Parser again;
        result<AnyStanza> r2 = again.parse<AnyStanza>(out);
        HOSTILE_CHECK(r2 && *r2 == *r, "the deepest %s round-trips", std::string(kind).c_str());
        const extension_list* ext = nullptr;
        if (const AnyMessage* m = r->message()) ext = &m->extensions;
        if (const AnyPresence* p = r->presence()) ext = &p->extensions;
        HOSTILE_CHECK(ext && ext->size() == 1, "the deepest %s keeps its extension", std::string(kind).c_str());
        if (!ext || ext->size() != 1) continue;
        std::optional<element> v = parser.view((*ext)[0]);
        // On the heap: a RapidXML document holds a 64 KiB static pool.
        auto doc = std::make_unique<rapidxml::xml_document<char>>();
        std::size_t depth = 0;
        for (rapidxml::xml_node<char>* n = v ? to_rapidxml(*v, *doc) : nullptr; n; n = n->first_node()) ++depth;
        HOSTILE_CHECK(depth == deepest, "to_rapidxml of the deepest %s extension: %zu levels", std::string(kind).c_str(), depth);
        const std::string deeper = nested(deepest + 1, true, kind);
        result<AnyStanza> d = parser.parse<AnyStanza>(deeper);
        HOSTILE_CHECK(!d && d.error().code() == errc::depth_limit, "one level more in a %s", std::string(kind).c_str());
    }
}

// Runs on the small stack.
void* work(void*) {
    const std::size_t deepest = parse_limits{}.max_depth - 1;  // <a> levels under <iq>, the root being level 1
    Parser parser;

    // The deepest accepted input: parses, as AnyIq and typed, and round-trips.
    const std::string ok = nested(deepest, true);
    result<AnyIq> r = parser.parse<AnyIq>(ok);
    HOSTILE_CHECK(bool(r), "deepest accepted input: %s", std::string(r.error().message()).c_str());
    if (r) {
        std::string out;
        parse_error e = serialize(*r, out);
        HOSTILE_CHECK(!e, "serializing the deepest input: %s", std::string(e.message()).c_str());
        Parser again;
        result<AnyIq> r2 = again.parse<AnyIq>(out);
        HOSTILE_CHECK(r2 && *r2 == *r, "the deepest input round-trips");
    }
    result<Iq<Get, AnyPayload>> typed = parser.parse<Iq<Get, AnyPayload>>(ok);
    HOSTILE_CHECK(bool(typed), "deepest accepted input, typed");
    std::string in_situ = ok;
    HOSTILE_CHECK(bool(parser.parse_in_situ<AnyIq>(in_situ)), "deepest accepted input, in situ");

    // One level more, then a million: depth_limit, found by the scanner before any recursion.
    for (std::size_t levels : {deepest + 1, std::size_t{1000000}}) {
        for (bool closed : {true, false}) {
            const std::string deep = nested(levels, closed);
            result<AnyIq> d = parser.parse<AnyIq>(deep);
            HOSTILE_CHECK(!d && d.error().code() == errc::depth_limit, "%zu levels (%s): got %s", levels,
                          closed ? "closed" : "unclosed", std::string(to_string(d.error().code())).c_str());
            std::string buffer = deep;
            result<Iq<Get, AnyPayload>> t = parser.parse_in_situ<Iq<Get, AnyPayload>>(buffer);
            HOSTILE_CHECK(!t && t.error().code() == errc::depth_limit, "%zu levels in situ", levels);
        }
    }

    deep_extensions(parser, deepest);

    // A Jid and a scanner-only validation on the same stack.
    HOSTILE_CHECK(bool(Jid::parse("juliet@example.com/balcony")), "Jid::parse");
    HOSTILE_CHECK(!parser.validate(ok), "validate");
    return nullptr;
}

}  // namespace

int main() {
    const std::size_t page = std::size_t(sysconf(_SC_PAGESIZE));
    // [guard page][stack_size bytes of stack]; the stack grows down towards the guard.
    void* mem = mmap(nullptr, page + stack_size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mem == MAP_FAILED) {
        std::perror("mmap");
        return 1;
    }
    unsigned char* base = static_cast<unsigned char*>(mem);
    if (mprotect(base, page, PROT_NONE) != 0) {
        std::perror("mprotect");
        return 1;
    }
    unsigned char* stack = base + page;
    std::memset(stack, paint, stack_size);

    pthread_attr_t attr;
    pthread_attr_init(&attr);
    // pthread_attr_setstack pins both the size (256 KiB, what pthread_attr_setstacksize would
    // ask for) and the memory, so that the guard page and the paint are ours.
    if (pthread_attr_setstack(&attr, stack, stack_size) != 0) {
        std::printf("pthread_attr_setstack failed\n");
        return 1;
    }
    pthread_t thread;
    if (pthread_create(&thread, &attr, work, nullptr) != 0) {
        std::printf("pthread_create failed\n");
        return 1;
    }
    pthread_join(thread, nullptr);
    pthread_attr_destroy(&attr);

    // The same work on a thread whose 256 KiB stack the system allocates (pthread_attr_setstacksize).
    pthread_attr_t sized;
    pthread_attr_init(&sized);
    HOSTILE_CHECK(pthread_attr_setstacksize(&sized, stack_size) == 0, "pthread_attr_setstacksize");
    pthread_t second;
    const bool created = pthread_create(&second, &sized, work, nullptr) == 0;
    HOSTILE_CHECK(created, "pthread_create with a 256 KiB stack");
    if (created) pthread_join(second, nullptr);
    pthread_attr_destroy(&sized);

    std::size_t untouched = 0;
    while (untouched < stack_size && stack[untouched] == paint) ++untouched;
    const std::size_t used = stack_size - untouched;
    std::printf("stack used: %zu of %zu bytes (sizeof(Parser) = %zu, sizeof(result<AnyIq>) = %zu)\n", used,
                stack_size, sizeof(Parser), sizeof(result<AnyIq>));
    // Nothing big lives on the stack: the Parser's element index and buffers are on the heap.
    HOSTILE_CHECK(sizeof(Parser) < 4096, "sizeof(Parser) = %zu", sizeof(Parser));
    HOSTILE_CHECK(used < documented_bound, "%zu bytes of stack used, more than the %zu README.md documents", used,
                  documented_bound);
    munmap(mem, page + stack_size);
    return hostile::exit_status();
}
