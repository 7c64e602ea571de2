// xstanza: forwarding header, kept for one release so that existing code compiles.
// The header now lives at <xstanza/model/jid.hpp>; include that, or <xstanza/xstanza.hpp>.
#ifndef XSTANZA_FWD_JID_HPP
#define XSTANZA_FWD_JID_HPP

#include "model/jid.hpp"

#endif  // XSTANZA_FWD_JID_HPP
