// expect: deleted
#include <string>
#include <xstanza/xstanza.hpp>
std::string make_text() { return "hello"; }
int main() {
    xstanza::Message<xstanza::Chat> m;
    m.bodies = make_text();  // a view of a temporary would dangle
}
