// xstanza: forwarding header, kept for one release so that existing code compiles.
// The header now lives at <xstanza/xml/writer.hpp>; include that, or <xstanza/xstanza.hpp>.
#ifndef XSTANZA_FWD_XML_WRITER_HPP
#define XSTANZA_FWD_XML_WRITER_HPP

#include "xml/writer.hpp"

#endif  // XSTANZA_FWD_XML_WRITER_HPP
