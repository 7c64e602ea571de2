// expect: the request's payload_traits<P>::replies does not list this reply payload
// first-error: payload_traits<P>::replies does not list this reply payload
// A user payload declares its replies in payload_traits<P>::replies; a result carrying
// anything else does not compile (here: the empty result, which Query's list leaves out).
#include <tuple>
#include <xstanza/xstanza.hpp>
struct Query { friend bool operator==(const Query&, const Query&) { return true; } };
struct Answer { friend bool operator==(const Answer&, const Answer&) { return true; } };
template <> struct xstanza::payload_traits<Query> {
    static constexpr std::string_view name = "query", ns = "urn:example:q";
    static constexpr bool in_get = true, in_set = false, in_result = false;
    using replies = std::tuple<Answer>;
};
template <> struct xstanza::payload_traits<Answer> {
    static constexpr std::string_view name = "answer", ns = "urn:example:q";
    static constexpr bool in_get = false, in_set = false, in_result = true;
};
int main() {
    xstanza::Iq<xstanza::Get, Query> get("q1", {});
    auto reply = xstanza::make_result(get);
    (void)reply;
}
