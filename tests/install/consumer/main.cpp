// Compiled against the installed headers via find_package(xstanza).
#include <xstanza/xstanza.hpp>

#include <cstdio>

int main() {
    auto name = xstanza::to_string(xstanza::errc::ok);
    std::printf("consumer: to_string(errc::ok) = %.*s\n", static_cast<int>(name.size()), name.data());
    return name == "ok" ? 0 : 1;
}
