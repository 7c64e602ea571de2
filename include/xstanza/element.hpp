// xstanza: forwarding header, kept for one release so that existing code compiles.
// The header now lives at <xstanza/xml/element.hpp>; include that, or <xstanza/xstanza.hpp>.
#ifndef XSTANZA_FWD_ELEMENT_HPP
#define XSTANZA_FWD_ELEMENT_HPP

#include "xml/element.hpp"

#endif  // XSTANZA_FWD_ELEMENT_HPP
