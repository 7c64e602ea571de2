// expect: a result or error IQ is never answered (RFC 6120 8.2.3)
// first-error: a result or error IQ is never answered
#include <xstanza/xstanza.hpp>
int main() {
    xstanza::Iq<xstanza::Error> failed("e1", xstanza::StanzaError(xstanza::Condition::conflict));
    auto reply = xstanza::make_error(failed, xstanza::StanzaError(xstanza::Condition::bad_request));
    (void)reply;
}
