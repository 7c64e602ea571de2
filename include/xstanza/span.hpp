// xstanza: forwarding header, kept for one release so that existing code compiles.
// The header now lives at <xstanza/model/span.hpp>; include that, or <xstanza/xstanza.hpp>.
#ifndef XSTANZA_FWD_SPAN_HPP
#define XSTANZA_FWD_SPAN_HPP

#include "model/span.hpp"

#endif  // XSTANZA_FWD_SPAN_HPP
