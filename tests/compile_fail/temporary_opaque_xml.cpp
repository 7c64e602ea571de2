// expect: the element keeps views of its three strings
// first-error: the element keeps views of its three strings
#include <string>
#include <xstanza/xstanza.hpp>
std::string make_xml();
int main() { xstanza::OpaqueElement o("x", "urn:example:x", make_xml()); (void)o; }
