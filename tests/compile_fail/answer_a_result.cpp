// expect: a result or error IQ is never answered (RFC 6120 8.2.3)
// first-error: a result or error IQ is never answered
#include <xstanza/xstanza.hpp>
int main() {
    xstanza::Iq<xstanza::Result> done("r1");
    auto again = xstanza::make_result(done);
    (void)again;
}
