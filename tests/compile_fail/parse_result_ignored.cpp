// expect: nodiscard
// flags: -Werror
// first-error: unused-result
// A parse's result<T> is [[nodiscard]]: parsing and dropping it is a mistake.
#include <xstanza/xstanza.hpp>
int main() {
    xstanza::Jid::parse("juliet@example.com");
}
