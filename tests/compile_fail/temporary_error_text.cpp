// expect: a temporary std::string where xstanza keeps a std::string_view
// first-error: a temporary std::string where xstanza keeps a std::string_view
#include <string>
#include <xstanza/xstanza.hpp>
std::string describe();
int main() {
    xstanza::StanzaError e(xstanza::Condition::item_not_found);
    e.text = describe();
    (void)e;
}
