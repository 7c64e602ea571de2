// Control for the compile-fail harness (CTest: compile_fail.control). It must
// compile with exactly the flags the compile_fail.* tests use; otherwise a broken
// include path would make every "must not compile" test pass for the wrong reason.
// It also holds what the reply_* cases must not reject: the replies each request allows; what
// the temporary_* cases must not reject: literals, std::string lvalues and string_views where a
// view is kept; and each built-in request's list of replies.
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
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

// Each built-in request declares its replies (payload_traits<P>::replies, void: the empty result).
static_assert(std::is_same_v<payload_traits<RosterGet>::replies, std::tuple<RosterQuery, void>>);
static_assert(std::is_same_v<payload_traits<RosterSet>::replies, std::tuple<void>>);
static_assert(std::is_same_v<payload_traits<ext::Ping>::replies, std::tuple<void>>);
static_assert(std::is_same_v<payload_traits<ext::VersionQuery>::replies, std::tuple<ext::SoftwareVersion>>);

// Where a view is kept, anything that outlives it is taken.
void views_that_outlive(const std::string& kept, std::string_view view, std::string& buffer) {
    Iq<Result> from_literal("r1"), from_lvalue(kept), from_view(view), from_buffer(buffer);
    Iq<Get, RosterGet> get(kept, RosterGet{});
    from_literal.id = kept;
    from_literal.id = view;
    from_literal.lang = "en";
    (void)Jid::parse("juliet@example.com");
    (void)Jid::parse(kept);
    (void)Jid::parse(view);
    (void)Jid::from_parts("juliet", kept, view);
    OpaqueElement o1("x", "urn:example:x", "<x xmlns='urn:example:x'/>"), o2(kept, view, buffer);
    StanzaError e(Condition::item_not_found);
    e.text = "gone";
    e.text = kept;
    e.text = view;
    e.uri = view;
    RosterItem item;
    item.name = "Nurse";
    item.name = kept;
    item.name = view;
    item.name = std::optional<std::string_view>(view);
    ext::SoftwareVersion v{"client", kept, view};
    std::string_view back = item.name.value_or("");
    bool same = e.text == item.name && v.name == "client" && get.id == "r1" && back == kept;
    (void)same;
}

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
