// Prelude of README.md's read loop (tests/docs/readme_snippets.py): the socket and the
// application's handlers it calls.
#include <sys/socket.h>
#include <sys/types.h>
#include <string>
#include <vector>
#include <xstanza/xstanza.hpp>

void send_all(int fd, const std::string& bytes);
void on_stanza(const xstanza::AnyStanza& stanza);

void read_loop(int fd) {
    // @fragment
}
