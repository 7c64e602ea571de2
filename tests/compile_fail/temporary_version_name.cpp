// expect: a temporary std::string where xstanza keeps a std::string_view
// first-error: a temporary std::string where xstanza keeps a std::string_view
#include <string>
#include <xstanza/xstanza.hpp>
std::string product();
int main() {
    xstanza::ext::SoftwareVersion v{product(), "1.0", std::nullopt};
    (void)v;
}
