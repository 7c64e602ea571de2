// Second translation unit of xstanza-odr; see header_only_1.cpp.
#include <xstanza/xstanza.hpp>

#include <cstddef>

std::size_t header_only_2();

std::size_t header_only_2() { return xstanza::to_string(xstanza::errc::ok).size(); }
