// expect: the request's payload_traits<P>::replies does not list this reply payload
// first-error: payload_traits<P>::replies does not list this reply payload
// A user payload declares its replies in payload_traits<P>::replies; a result carrying
// anything else does not compile (here: the empty result, which Query's list leaves out).
#include <xstanza/xstanza.hpp>
#include "../support/query_answer.hpp"  // Query, whose replies are std::tuple<Answer>
int main() {
    xstanza::Iq<xstanza::Get, Query> get("q1", {});
    auto reply = xstanza::make_result(get);
    (void)reply;
}
