// Control for the compile-fail harness (CTest: compile_fail.control). It must
// compile with exactly the flags the compile_fail.* tests use; otherwise a broken
// include path would make every "must not compile" test pass for the wrong reason.
#include <xstanza/xstanza.hpp>

int main() {}
