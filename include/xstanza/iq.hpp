// xstanza: forwarding header, kept for one release so that existing code compiles.
// The header now lives at <xstanza/model/iq.hpp>; include that, or <xstanza/xstanza.hpp>.
#ifndef XSTANZA_FWD_IQ_HPP
#define XSTANZA_FWD_IQ_HPP

#include "model/iq.hpp"

#endif  // XSTANZA_FWD_IQ_HPP
