// libFuzzer target: every typed target on the same bytes. The IQ ones (Iq<Get, RosterGet>,
// Iq<Set, RosterSet>, Iq<Result, RosterQuery>, Iq<Result>, Iq<Error>, Iq<*, AnyPayload>,
// Iq<Error, Roster*>): a typed success agrees with AnyIq + Parser::cast and round-trips
// (stanza_check::check_typed). The message and presence ones (Message<Normal|Chat|Groupchat|
// Headline|Error>, Presence<Available|Unavailable|Subscribe|Subscribed|Unsubscribe|
// Unsubscribed|Probe|Error>, and some with a typed extension, Message<Chat, Receipt>,
// Presence<Available, Caps>), and AnyIq, AnyMessage, AnyPresence alone: each agrees with
// AnyStanza and the runtime stanza's typed<Type>(), and round-trips
// (stanza_check::check_typed_stanzas).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static xstanza::Parser parser, any_parser, scratch;
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    fuzz_require(stanza_check::check_typed(parser, any_parser, scratch, input));
    fuzz_require(stanza_check::check_typed_stanzas(parser, any_parser, scratch, input));
    return 0;
}
