// xstanza: forwarding header, kept for one release so that existing code compiles.
// The header now lives at <xstanza/stanza/ostream.hpp>; include that, or <xstanza/xstanza.hpp>.
#ifndef XSTANZA_FWD_OSTREAM_HPP
#define XSTANZA_FWD_OSTREAM_HPP

#include "stanza/ostream.hpp"

#endif  // XSTANZA_FWD_OSTREAM_HPP
