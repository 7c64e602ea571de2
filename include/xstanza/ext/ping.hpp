// xstanza: forwarding header, kept for one release so that existing code compiles.
// The header now lives at <xstanza/codec/ping.hpp>; include that, or <xstanza/xstanza.hpp>.
#ifndef XSTANZA_FWD_EXT_PING_HPP
#define XSTANZA_FWD_EXT_PING_HPP

#include "../codec/ping.hpp"

#endif  // XSTANZA_FWD_EXT_PING_HPP
