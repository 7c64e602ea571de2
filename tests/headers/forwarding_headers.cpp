// The include paths of xstanza 0.1 (before the headers moved into layer folders) still
// compile and still name the same things, for one release. Built and run as header.forwarding.
#include <xstanza/element.hpp>
#include <xstanza/error.hpp>
#include <xstanza/ext/ping.hpp>
#include <xstanza/ext/version.hpp>
#include <xstanza/iq.hpp>
#include <xstanza/jid.hpp>
#include <xstanza/limits.hpp>
#include <xstanza/ostream.hpp>
#include <xstanza/owned.hpp>
#include <xstanza/parse.hpp>
#include <xstanza/payload.hpp>
#include <xstanza/reply.hpp>
#include <xstanza/roster.hpp>
#include <xstanza/roster_rules.hpp>
#include <xstanza/rules.hpp>
#include <xstanza/serialize.hpp>
#include <xstanza/span.hpp>
#include <xstanza/stanza_error.hpp>
#include <xstanza/stream.hpp>
#include <xstanza/syntax.hpp>
#include <xstanza/tracker.hpp>
#include <xstanza/xml_writer.hpp>

#include <cstdio>
#include <string>

int main() {
    xstanza::Parser parser;
    auto ping = parser.parse<xstanza::Iq<xstanza::Get, xstanza::ext::Ping>>(
        "<iq type='get' id='p1' to='example.com'><ping xmlns='urn:xmpp:ping'/></iq>");
    if (!ping) return std::puts(ping.error().message().data()), 1;
    std::string out;
    if (xstanza::parse_error e = xstanza::serialize(xstanza::make_result(*ping), out)) return 2;
    xstanza::StreamReader reader;
    xstanza::IqTracker tracker("a@example.com/r");
    (void)reader;
    (void)tracker;
    const bool ok = out == "<iq type='result' id='p1' from='example.com'/>" && xstanza::is_language_tag("en") &&
                    xstanza::roster_item_count_problem(xstanza::IqType::get, 1) != nullptr;
    if (!ok) std::puts(out.c_str());
    return ok ? 0 : 3;
}
