// Control for the compile-fail harness (CTest: compile_fail.control). It must
// compile with exactly the flags the compile_fail.* tests use; otherwise a broken
// include path would make every "must not compile" test pass for the wrong reason.
// It also holds what the reply_* cases must not reject: the replies each request allows.
#include <optional>
#include <string>
#include <tuple>
#include <xstanza/xstanza.hpp>

#include "../../support/query_answer.hpp"

using namespace xstanza;

// A user payload that declares its replies (Query, from query_answer.hpp: std::tuple<Answer>),
// and one that does not (anything goes, as before).
struct Legacy { friend bool operator==(const Legacy&, const Legacy&) { return true; } };
template <> struct xstanza::payload_traits<Legacy> {
    static constexpr std::string_view name = "legacy", ns = "urn:example:l";
    static constexpr bool in_get = true, in_set = true, in_result = true;
};

int main() {
    Iq<Get, RosterGet> roster_get("r1", {});
    Iq<Set, RosterSet> roster_set("s1", {});
    Iq<Get, ext::Ping> ping("p1", {});
    Iq<Get, ext::VersionQuery> version("v1", {});
    Iq<Get, Query> query("q1", {});
    Iq<Get, Legacy> legacy("l1", {});
    Iq<Get, AnyPayload> any("a1", AnyPayload{});
    (void)make_result(roster_get, RosterQuery{});
    (void)make_result(roster_get);
    (void)make_result(roster_set);
    (void)make_result(ping);
    (void)make_result(version, ext::SoftwareVersion{"client", "1.0", std::nullopt});
    (void)make_result(query, Answer{});
    (void)make_result(legacy);
    (void)make_result(legacy, Legacy{});
    (void)make_result(any, RosterQuery{});
    (void)make_result(any);
    (void)make_error(version, StanzaError(Condition::service_unavailable));
}
