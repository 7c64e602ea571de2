// xstanza: typed, zero-copy, strict XMPP stanzas (iq, message, presence) for C++17. Include this one header.
//
// The headers are layered, each folder including only the folders below it
// (docs/ARCHITECTURE.md is the map):
//   session/  tracker.hpp (IqTracker: ids, one outcome per request)
//   stream/   reader.hpp (StreamReader: framing, the stream header, stream errors, RFC 6120 §4),
//             built from tokenizer.hpp  input.hpp  header.hpp  stream_error_reader.hpp  failure.hpp
//   stanza/   parser.hpp (Parser)  serialize.hpp  owned.hpp  reply.hpp  ostream.hpp
//             format.hpp (fmt::formatter, with -DXSTANZA_FMT)
//   codec/    one file per element, read and write side by side: iq, message, presence, stanza_error,
//             roster, ping, version, disco, bind, delay, caps
//   xml/      the only folder naming RapidXML: scanner, tree, element view, writer
//   model/    plain data, no XML: Jid, Iq, AnyIq, Message, Presence, AnyStanza, RosterQuery, StanzaError, errors, limits, rules,
//             the stream's header, events and errors (StreamHeader, StreamEvent, StreamError)
#ifndef XSTANZA_XSTANZA_HPP
#define XSTANZA_XSTANZA_HPP

#define XSTANZA_VERSION_MAJOR 0
#define XSTANZA_VERSION_MINOR 1
#define XSTANZA_VERSION_PATCH 0

#include "model/error.hpp"
#include "model/limits.hpp"
#include "model/rules.hpp"
#include "model/syntax.hpp"
#include "model/span.hpp"
#include "model/jid.hpp"
#include "model/payload.hpp"
#include "model/stanza_error.hpp"
#include "model/roster.hpp"
#include "model/iq.hpp"
#include "model/message.hpp"
#include "model/presence.hpp"
#include "model/any_stanza.hpp"
#include "codec/roster.hpp"
#include "stanza/reply.hpp"
#include "xml/element.hpp"
#include "xml/rapidxml_tree.hpp"
#include "stanza/parser.hpp"
#include "stanza/serialize.hpp"
#include "stanza/owned.hpp"
#include "stream/reader.hpp"
#include "session/tracker.hpp"
#include "codec/ping.hpp"
#include "codec/version.hpp"
#include "codec/disco.hpp"
#include "codec/bind.hpp"
#include "codec/delay.hpp"
#include "codec/caps.hpp"
#include "stanza/ostream.hpp"
#include "stanza/format.hpp"

#endif  // XSTANZA_XSTANZA_HPP
