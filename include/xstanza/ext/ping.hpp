// xstanza: forwarding header, kept for one release so that existing code compiles.
// The header now lives at <xstanza/codec/ping.hpp>; include that, or <xstanza/xstanza.hpp>.
// As before, this path also gives the Parser and serialize.
#ifndef XSTANZA_FWD_EXT_PING_HPP
#define XSTANZA_FWD_EXT_PING_HPP

#include "../codec/ping.hpp"
#include "../stanza/parser.hpp"
#include "../stanza/serialize.hpp"

#endif  // XSTANZA_FWD_EXT_PING_HPP
