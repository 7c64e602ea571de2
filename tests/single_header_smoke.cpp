// Smoke test of the generated single header (CTest: single_header.smoke). Built
// against single_include/ and RapidXML only, never include/, so it proves
// single_include/xstanza.hpp is self-contained.
#include "xstanza.hpp"

int main() { return xstanza::to_string(xstanza::errc::ok) == "ok" ? 0 : 1; }
