// With header_only_2.cpp: the umbrella header in two translation units of one
// program, so a missing include guard or a non-inline definition fails to build
// (pugixml tests/test_header_only_1.cpp). CTest: header.odr.
#include <xstanza/xstanza.hpp>

#include <cstddef>

std::size_t header_only_1();
std::size_t header_only_2();

std::size_t header_only_1() { return xstanza::to_string(xstanza::errc::ok).size(); }

int main() { return header_only_1() == 2 && header_only_2() == 2 ? 0 : 1; }
