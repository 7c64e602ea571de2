// expect: the Jid's parts are views into text, and this std::string is a temporary
// first-error: the Jid's parts are views into text
#include <string>
#include <xstanza/xstanza.hpp>
std::string make_jid();
int main() {
    auto j = xstanza::Jid::parse(make_jid());
    return j ? 0 : 1;
}
