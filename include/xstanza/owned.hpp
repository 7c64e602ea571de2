// xstanza: forwarding header, kept for one release so that existing code compiles.
// The header now lives at <xstanza/stanza/owned.hpp>; include that, or <xstanza/xstanza.hpp>.
#ifndef XSTANZA_FWD_OWNED_HPP
#define XSTANZA_FWD_OWNED_HPP

#include "stanza/owned.hpp"

#endif  // XSTANZA_FWD_OWNED_HPP
