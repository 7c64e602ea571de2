// xstanza: forwarding header, kept for one release so that existing code compiles.
// The header now lives at <xstanza/model/rules.hpp>; include that, or <xstanza/xstanza.hpp>.
#ifndef XSTANZA_FWD_RULES_HPP
#define XSTANZA_FWD_RULES_HPP

#include "model/rules.hpp"

#endif  // XSTANZA_FWD_RULES_HPP
