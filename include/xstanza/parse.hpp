// xstanza: forwarding header, kept for one release so that existing code compiles.
// The header now lives at <xstanza/stanza/parser.hpp>; include that, or <xstanza/xstanza.hpp>.
#ifndef XSTANZA_FWD_PARSE_HPP
#define XSTANZA_FWD_PARSE_HPP

#include "stanza/parser.hpp"

#endif  // XSTANZA_FWD_PARSE_HPP
