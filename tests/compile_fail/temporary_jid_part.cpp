// expect: the parts are kept as views, and a temporary std::string is destroyed
// first-error: the parts are kept as views
#include <string>
#include <xstanza/xstanza.hpp>
std::string make_domain();
int main() {
    auto j = xstanza::Jid::from_parts("juliet", make_domain());
    return j ? 0 : 1;
}
