// expect: a disco#info get is answered by a DiscoInfoQuery (XEP-0030
// XEP-0030 §3.1: the answer to a disco#info get is a disco#info result, not a list of items.
#include <xstanza/codec/disco.hpp>
#include <xstanza/stanza/reply.hpp>
int main() {
    xstanza::Iq<xstanza::Get, xstanza::DiscoInfoQuery> get("g1", xstanza::DiscoInfoQuery{});
    auto r = xstanza::make_result(get, xstanza::DiscoItemsQuery{});
    (void)r;
}
