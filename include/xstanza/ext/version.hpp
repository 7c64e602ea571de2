// xstanza: forwarding header, kept for one release so that existing code compiles.
// The header now lives at <xstanza/codec/version.hpp>; include that, or <xstanza/xstanza.hpp>.
#ifndef XSTANZA_FWD_EXT_VERSION_HPP
#define XSTANZA_FWD_EXT_VERSION_HPP

#include "../codec/version.hpp"

#endif  // XSTANZA_FWD_EXT_VERSION_HPP
