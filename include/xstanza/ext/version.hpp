// xstanza: forwarding header, kept for one release so that existing code compiles.
// The header now lives at <xstanza/codec/version.hpp>; include that, or <xstanza/xstanza.hpp>.
// As before, this path also gives the Parser and serialize.
#ifndef XSTANZA_FWD_EXT_VERSION_HPP
#define XSTANZA_FWD_EXT_VERSION_HPP

#include "../codec/version.hpp"
#include "../stanza/parser.hpp"
#include "../stanza/serialize.hpp"

#endif  // XSTANZA_FWD_EXT_VERSION_HPP
