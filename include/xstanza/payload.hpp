// xstanza: forwarding header, kept for one release so that existing code compiles.
// The header now lives at <xstanza/model/payload.hpp>; include that, or <xstanza/xstanza.hpp>.
#ifndef XSTANZA_FWD_PAYLOAD_HPP
#define XSTANZA_FWD_PAYLOAD_HPP

#include "model/payload.hpp"

#endif  // XSTANZA_FWD_PAYLOAD_HPP
