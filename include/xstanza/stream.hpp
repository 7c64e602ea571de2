// xstanza: forwarding header, kept for one release so that existing code compiles.
// The header now lives at <xstanza/stream/reader.hpp>; include that, or <xstanza/xstanza.hpp>.
#ifndef XSTANZA_FWD_STREAM_HPP
#define XSTANZA_FWD_STREAM_HPP

#include "stream/reader.hpp"

#endif  // XSTANZA_FWD_STREAM_HPP
