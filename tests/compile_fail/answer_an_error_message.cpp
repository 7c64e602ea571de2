// expect: an error stanza is never answered with another error (RFC 6120 8.3.1)
#include <xstanza/xstanza.hpp>
int main() {
    xstanza::Message<xstanza::Error> failed{xstanza::StanzaError(xstanza::Condition::conflict)};
    auto reply = xstanza::make_error(failed, xstanza::StanzaError(xstanza::Condition::bad_request));
    (void)reply;
}
