// expect: the IQ keeps its id as a std::string_view, and this std::string is a temporary
// first-error: this std::string is a temporary
// make_id() returns a std::string that dies at the end of the statement: the IQ's id would
// dangle. Keep the id in a variable that outlives the IQ (tests/compile_fail/control/ok.cpp).
#include <string>
#include <xstanza/xstanza.hpp>
std::string make_id();
int main() { xstanza::Iq<xstanza::Result> r(make_id()); (void)r; }
