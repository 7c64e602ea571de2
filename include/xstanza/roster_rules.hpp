// xstanza: forwarding header, kept for one release so that existing code compiles.
// The header now lives at <xstanza/codec/roster.hpp>; include that, or <xstanza/xstanza.hpp>.
#ifndef XSTANZA_FWD_ROSTER_RULES_HPP
#define XSTANZA_FWD_ROSTER_RULES_HPP

#include "codec/roster.hpp"

#endif  // XSTANZA_FWD_ROSTER_RULES_HPP
