// fmt::formatter (stanza/format.hpp, with XSTANZA_FMT): each type formats as operator<< prints
// it, and width and alignment apply. Built only when CMake finds {fmt} (CTest unit.fmt).
#define XSTANZA_FMT 1
#include <cstdio>
#include <sstream>
#include <string>

#include <xstanza/xstanza.hpp>

using namespace xstanza;

namespace {
int failures = 0;

template <class T>
std::string streamed(const T& v) {
    std::ostringstream os;
    os << v;
    return os.str();
}

void check(const std::string& got, const std::string& expected, const char* what) {
    if (got == expected) return;
    ++failures;
    std::printf("FAIL %s: got \"%s\", expected \"%s\"\n", what, got.c_str(), expected.c_str());
}

template <class T>
void same_as_ostream(const T& v, const std::string& expected, const char* what) {
    check(fmt::format("{}", v), expected, what);
    check(fmt::format("{}", v), streamed(v), what);
}
}  // namespace

int main() {
    const std::string text = "juliet@example.com/balcony";
    result<Jid> j = Jid::parse(text);
    if (!j) return std::printf("FAIL: Jid::parse\n"), 1;
    same_as_ostream(*j, "juliet@example.com/balcony", "Jid");
    same_as_ostream(IqType::set, "set", "IqType");
    same_as_ostream(ErrorType::continue_, "continue", "ErrorType");
    same_as_ostream(Condition::service_unavailable, "service-unavailable", "Condition");
    same_as_ostream(Subscription::from, "from", "Subscription");
    same_as_ostream(errc::invalid_jid, "invalid_jid", "errc");
    same_as_ostream(role::server, "server", "role");
    same_as_ostream(side::sender, "sender", "side");
    same_as_ostream(StreamCondition::conflict, "conflict", "StreamCondition");
    same_as_ostream(StreamEventType::keepalive, "keepalive", "StreamEventType");
    same_as_ostream(ElementKind::message, "message", "ElementKind");
    same_as_ostream(IqOutcomeType::result, "result", "IqOutcomeType");
    same_as_ostream(IqDisposition::unhandled, "unhandled", "IqDisposition");
    same_as_ostream(static_cast<Condition>(200), "Condition(200)", "Condition outside the enumeration");
    same_as_ostream(StanzaError(Condition::item_not_found), "cancel item-not-found", "StanzaError");

    Parser parser;
    result<AnyIq> bad = parser.parse<AnyIq>("<id type='get' id='x'/>");
    if (bad) return std::printf("FAIL: <id/> parsed\n"), 1;
    same_as_ostream(bad.error(), "not_iq at byte 0: expected <iq>, found <id>", "codec_error");
    same_as_ostream(codec_error(), "ok", "codec_error without error");

    Iq<Get, RosterGet> get("g1", {});
    same_as_ostream(get, "<iq type='get' id='g1'><query xmlns='jabber:iq:roster'/></iq>", "Iq<Get, RosterGet>");
    result<AnyIq> any = parser.parse<AnyIq>("<iq type='result' id='r1'/>");
    if (!any) return std::printf("FAIL: result parse\n"), 1;
    same_as_ostream(*any, "<iq type='result' id='r1'/>", "AnyIq");

    check(fmt::format("[{:>6}]", IqType::get), "[   get]", "width and alignment");
    check(fmt::format("[{:<8}|{}]", Subscription::to, errc::ok), "[to      |ok]", "two arguments");

    if (failures) return std::printf("%d failure(s)\n", failures), 1;
    std::printf("fmt::formatter: all checks passed\n");
    return 0;
}
