// expect: a temporary std::string where xstanza keeps a std::string_view
// first-error: a temporary std::string where xstanza keeps a std::string_view
#include <string>
#include <xstanza/xstanza.hpp>
std::string nickname();
int main() {
    xstanza::RosterItem item;
    item.name = nickname();
    (void)item;
}
