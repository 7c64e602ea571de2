// expect: Type must be one of the tags Get, Set, Result, Error
// first-error: Type must be one of the tags
#include <xstanza/xstanza.hpp>
struct Subscribe {};
using Broken = xstanza::Iq<Subscribe, xstanza::RosterGet>;
int main() { return sizeof(Broken) > 0 ? 0 : 1; }
