// xstanza: forwarding header, kept for one release so that existing code compiles.
// The header now lives at <xstanza/model/syntax.hpp>; include that, or <xstanza/xstanza.hpp>.
#ifndef XSTANZA_FWD_SYNTAX_HPP
#define XSTANZA_FWD_SYNTAX_HPP

#include "model/syntax.hpp"

#endif  // XSTANZA_FWD_SYNTAX_HPP
