// expect: only a get or set request gets an answer to wait for
// first-error: only a get or set request gets an answer to wait for
// RFC 6120 §8.2.3: results and errors are answers, never waited for.
#include <xstanza/session/tracker.hpp>
int main() {
    xstanza::IqTracker t;
    (void)t.track(xstanza::Iq<xstanza::Result>("r1"), xstanza::IqTracker::clock::now(), nullptr);
}
