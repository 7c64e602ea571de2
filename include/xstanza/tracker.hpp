// xstanza: forwarding header, kept for one release so that existing code compiles.
// The header now lives at <xstanza/session/tracker.hpp>; include that, or <xstanza/xstanza.hpp>.
#ifndef XSTANZA_FWD_TRACKER_HPP
#define XSTANZA_FWD_TRACKER_HPP

#include "session/tracker.hpp"

#endif  // XSTANZA_FWD_TRACKER_HPP
