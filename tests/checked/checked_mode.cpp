// The checked mode (XSTANZA_CHECKED, stanza/checked.hpp): a stanza's view read after its
// Parser parsed again stops the program with the checked mode's message, where without it the
// read returns the next stanza's bytes. Each case runs in a child process; the parent checks
// how the child ended and what it wrote. Exit 0 when every case behaves, 1 otherwise.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include <sys/wait.h>
#include <unistd.h>

#include <xstanza/xstanza.hpp>

#if !defined(XSTANZA_CHECKED)
#error "build this test with -DXSTANZA_CHECKED"
#endif

namespace {

volatile char sink;

// Reads every byte of the view, as printing it would.
void read_all(std::string_view v) {
    for (char c : v) sink = c;
}

// A stale read: the id of the first parse, read after the second.
void stale_after_parse() {
    xstanza::Parser p;
    auto first = p.parse<xstanza::AnyIq>("<iq type='get' id='FIRST'><ping xmlns='urn:xmpp:ping'/></iq>");
    if (!first) std::_Exit(3);
    xstanza::AnyIq kept = *first;  // a copy of the views, not of the bytes
    auto second = p.parse<xstanza::AnyStanza>("<message id='SECOND'><body>x</body></message>");
    if (!second) std::_Exit(3);
    read_all(kept.id);
    std::_Exit(0);  // not reached in checked mode
}

// A stale read after the Parser is gone.
void stale_after_destruction() {
    xstanza::AnyMessage kept;
    {
        xstanza::Parser p;
        auto m = p.parse<xstanza::AnyMessage>("<message id='gone'><body>x</body></message>");
        if (!m) std::_Exit(3);
        kept = *m;
    }
    read_all(kept.id);  // a view into the copy (the lists, bodies among them, died with the storage)
    std::_Exit(0);
}

// The control: the latest parse's views read fine, and make_owned keeps a stanza.
void fresh_reads() {
    xstanza::Parser p;
    auto a = p.parse<xstanza::AnyIq>("<iq type='get' id='A1'><ping xmlns='urn:xmpp:ping'/></iq>");
    if (!a) std::_Exit(3);
    auto owned = xstanza::make_owned(*a);
    if (!owned) std::_Exit(3);
    auto b = p.parse<xstanza::AnyIq>("<iq type='get' id='B2'><ping xmlns='urn:xmpp:ping'/></iq>");
    if (!b || b->id != "B2" || (*owned)->id != "A1") std::_Exit(4);
    std::_Exit(0);
}

// Casting an AnyIq of an earlier parse is refused without reading its payload's bytes: the
// error names no stale element.
void stale_cast_refused() {
    xstanza::Parser p;
    auto a = p.parse<xstanza::AnyIq>("<iq type='result' id='A1'><ping xmlns='urn:xmpp:ping'/></iq>");
    if (!a) std::_Exit(3);
    xstanza::AnyIq kept = *a;
    auto b = p.parse<xstanza::AnyIq>("<iq type='get' id='B2'><ping xmlns='urn:xmpp:ping'/></iq>");
    if (!b) std::_Exit(3);
    kept.id = "A1";  // the header re-pointed at live bytes: only the payload is stale
    kept.from = {};
    kept.to = {};
    auto empty = p.cast<xstanza::Iq<xstanza::Result>>(kept);
    auto roster = p.cast<xstanza::Iq<xstanza::Result, xstanza::RosterQuery>>(kept);
    if (empty || roster || empty.error().code() != xstanza::errc::payload_mismatch ||
        roster.error().code() != xstanza::errc::payload_mismatch ||
        empty.error().message().find("earlier parse") == std::string_view::npos)
        std::_Exit(4);
    std::_Exit(0);
}

// Runs `f` in a child; true when it ended as `expect_abort` says, with the message when aborted.
bool run(const char* name, void (*f)(), bool expect_abort) {
    int fds[2];
    if (pipe(fds) != 0) return false;
    const pid_t pid = fork();
    if (pid == 0) {
        dup2(fds[1], 2);
        close(fds[0]);
        f();
        std::_Exit(5);
    }
    close(fds[1]);
    std::string err;
    char buf[512];
    for (ssize_t n; (n = read(fds[0], buf, sizeof buf)) > 0;) err.append(buf, std::size_t(n));
    close(fds[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    const bool aborted = WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT;
    const bool named = err.find("xstanza checked mode: a stanza's view into an earlier parse was read") != std::string::npos;
    const bool ok = expect_abort ? aborted && named : WIFEXITED(status) && WEXITSTATUS(status) == 0;
    std::printf("%s  %s (%s, stderr: %s)\n", ok ? "PASS" : "FAIL", name,
                WIFSIGNALED(status) ? "signal" : ("exit " + std::to_string(WEXITSTATUS(status))).c_str(),
                err.empty() ? "-" : err.substr(0, 60).c_str());
    return ok;
}

}  // namespace

int main() {
    bool ok = run("a view read after the next parse stops", stale_after_parse, true);
    ok &= run("a view read after the Parser is destroyed stops", stale_after_destruction, true);
    ok &= run("the latest parse's views and an owned copy read fine", fresh_reads, false);
    ok &= run("casting an AnyIq of an earlier parse is refused, its payload unread", stale_cast_refused, false);
    return ok ? 0 : 1;
}
