// expect: payload_traits<P>::in_result is false
// first-error: payload_traits<P>::in_result is false
// XEP-0092 §2: the empty query asks; the answer is Iq<Result, ext::SoftwareVersion>.
#include <xstanza/codec/version.hpp>
int main() { xstanza::Iq<xstanza::Result, xstanza::ext::VersionQuery> iq("v1", xstanza::ext::VersionQuery{}); (void)iq; }
