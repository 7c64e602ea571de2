// xstanza: forwarding header, kept for one release so that existing code compiles.
// The header now lives at <xstanza/model/stanza_error.hpp>; include that, or <xstanza/xstanza.hpp>.
#ifndef XSTANZA_FWD_STANZA_ERROR_HPP
#define XSTANZA_FWD_STANZA_ERROR_HPP

#include "model/stanza_error.hpp"

#endif  // XSTANZA_FWD_STANZA_ERROR_HPP
