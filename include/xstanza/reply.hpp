// xstanza: forwarding header, kept for one release so that existing code compiles.
// The header now lives at <xstanza/stanza/reply.hpp>; include that, or <xstanza/xstanza.hpp>.
#ifndef XSTANZA_FWD_REPLY_HPP
#define XSTANZA_FWD_REPLY_HPP

#include "stanza/reply.hpp"

#endif  // XSTANZA_FWD_REPLY_HPP
