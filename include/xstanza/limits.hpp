// xstanza: forwarding header, kept for one release so that existing code compiles.
// The header now lives at <xstanza/model/limits.hpp>; include that, or <xstanza/xstanza.hpp>.
#ifndef XSTANZA_FWD_LIMITS_HPP
#define XSTANZA_FWD_LIMITS_HPP

#include "model/limits.hpp"

#endif  // XSTANZA_FWD_LIMITS_HPP
