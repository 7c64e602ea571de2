// xstanza: forwarding header, kept for one release so that existing code compiles.
// The header now lives at <xstanza/stanza/serialize.hpp>; include that, or <xstanza/xstanza.hpp>.
#ifndef XSTANZA_FWD_SERIALIZE_HPP
#define XSTANZA_FWD_SERIALIZE_HPP

#include "stanza/serialize.hpp"

#endif  // XSTANZA_FWD_SERIALIZE_HPP
