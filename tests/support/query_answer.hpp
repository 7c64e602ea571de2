// A user payload that declares its replies (payload_traits<P>::replies) and the one reply it
// lists. Shared by tests/compile_fail/reply_user_payload.cpp, whose reply it leaves out, and
// the compile-fail control, which makes the reply it allows.
#ifndef XSTANZA_TESTS_SUPPORT_QUERY_ANSWER_HPP
#define XSTANZA_TESTS_SUPPORT_QUERY_ANSWER_HPP

#include <string_view>
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

#endif  // XSTANZA_TESTS_SUPPORT_QUERY_ANSWER_HPP
