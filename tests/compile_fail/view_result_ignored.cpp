// expect: nodiscard
// flags: -Werror
// first-error: unused-result
// Parser::view() gives nothing for an OpaqueElement of another parse: its optional is the only
// sign, so it is [[nodiscard]].
#include <xstanza/xstanza.hpp>
int main() {
    xstanza::Parser parser;
    xstanza::OpaqueElement o;
    parser.view(o);
}
