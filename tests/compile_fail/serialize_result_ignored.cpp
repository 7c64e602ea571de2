// expect: nodiscard
// flags: -Werror
// first-error: unused-result
// serialize() reports a failure (invalid_data, a control character in a name) only through
// the parse_error it returns, which is [[nodiscard]]: dropping it stops a -Werror build.
#include <string>
#include <xstanza/xstanza.hpp>
int main() {
    xstanza::Iq<xstanza::Result> r("r1");
    std::string out;
    xstanza::serialize(r, out);
}
