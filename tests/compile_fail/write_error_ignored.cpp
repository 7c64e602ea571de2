// expect: nodiscard
// flags: -Werror
// first-error: unused-result
// IqTracker::write_error() returns false when the answer could not be written: [[nodiscard]].
#include <string>
#include <xstanza/xstanza.hpp>
int main() {
    xstanza::AnyIq request;
    std::string out;
    xstanza::IqTracker::write_error(request, xstanza::StanzaError(xstanza::Condition::bad_request), out);
}
