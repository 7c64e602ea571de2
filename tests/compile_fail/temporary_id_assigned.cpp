// expect: a temporary std::string where xstanza keeps a std::string_view
// first-error: a temporary std::string where xstanza keeps a std::string_view
#include <string>
#include <xstanza/xstanza.hpp>
std::string make_id();
int main() {
    xstanza::Iq<xstanza::Result> r("r1");
    r.id = make_id();
}
