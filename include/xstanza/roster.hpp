// xstanza: forwarding header, kept for one release so that existing code compiles.
// The header now lives at <xstanza/model/roster.hpp>; include that, or <xstanza/xstanza.hpp>.
#ifndef XSTANZA_FWD_ROSTER_HPP
#define XSTANZA_FWD_ROSTER_HPP

#include "model/roster.hpp"

#endif  // XSTANZA_FWD_ROSTER_HPP
