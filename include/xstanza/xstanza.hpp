// xstanza: typed, zero-copy, strict XMPP IQ stanzas for C++17. Include this one header.
//
//   model (no XML):   jid.hpp  stanza_error.hpp  roster.hpp  iq.hpp  payload.hpp  span.hpp
//   rules:            rules.hpp (receiver or sender, client or server)  roster_rules.hpp  syntax.hpp
//   errors, limits:   error.hpp  limits.hpp  reply.hpp (answering a refused request)
//   XML:              parse.hpp (Parser)  serialize.hpp (serialize)  xml_writer.hpp (xml_writer)  element.hpp
//   storage:          owned.hpp (owning copies of parsed stanzas)
//   printing:         ostream.hpp (operator<< for Jid, the enums, parse_error, stanzas)
//   live streams:     stream.hpp (StreamReader: framing, RFC 6120 §4)  tracker.hpp (IqTracker)
//   extensions:       ext/ping.hpp (XEP-0199)  ext/version.hpp (XEP-0092): worked examples of payload_traits
#ifndef XSTANZA_XSTANZA_HPP
#define XSTANZA_XSTANZA_HPP

#define XSTANZA_VERSION_MAJOR 0
#define XSTANZA_VERSION_MINOR 1
#define XSTANZA_VERSION_PATCH 0

#include "error.hpp"
#include "limits.hpp"
#include "rules.hpp"
#include "syntax.hpp"
#include "span.hpp"
#include "jid.hpp"
#include "payload.hpp"
#include "stanza_error.hpp"
#include "roster.hpp"
#include "iq.hpp"
#include "roster_rules.hpp"
#include "reply.hpp"
#include "element.hpp"
#include "parse.hpp"
#include "serialize.hpp"
#include "owned.hpp"
#include "stream.hpp"
#include "tracker.hpp"
#include "ext/ping.hpp"
#include "ext/version.hpp"
#include "ostream.hpp"

#endif  // XSTANZA_XSTANZA_HPP
