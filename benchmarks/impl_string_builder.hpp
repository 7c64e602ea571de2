// serialize/string_builder: what a hand-written serializer does: append the markup
// to a reused std::string, escaping values (&, <, > and the quote) as it goes.
// No validation (xstanza's serializer checks UTF-8, XML Chars and the RFC rules).
#ifndef XSTANZA_BENCH_IMPL_STRING_BUILDER_HPP
#define XSTANZA_BENCH_IMPL_STRING_BUILDER_HPP

#include <cstddef>
#include <string>
#include <string_view>

#include "impl_xstanza.hpp"

namespace xstanza_bench {

class string_builder_serializer {
public:
    explicit string_builder_serializer(const roster_source& src) : iq_(src.iq()) {}

    std::size_t run() {
        out_.clear();
        out_ += "<iq type='result' id='";
        escape(iq_.id, true);
        out_ += '\'';
        if (iq_.to) {
            out_ += " to='";
            jid(*iq_.to);
            out_ += '\'';
        }
        out_ += "><query xmlns='jabber:iq:roster'";
        if (iq_.payload.ver) {
            out_ += " ver='";
            escape(*iq_.payload.ver, true);
            out_ += '\'';
        }
        out_ += '>';
        for (const xstanza::RosterItem& it : iq_.payload.items) {
            out_ += "<item jid='";
            jid(it.jid);
            out_ += '\'';
            if (it.name) {
                out_ += " name='";
                escape(*it.name, true);
                out_ += '\'';
            }
            if (it.subscription != xstanza::Subscription::none) {
                out_ += " subscription='";
                out_ += xstanza::to_string(it.subscription);
                out_ += '\'';
            }
            if (it.ask) out_ += " ask='subscribe'";
            if (it.groups.empty()) {
                out_ += "/>";
                continue;
            }
            out_ += '>';
            for (std::string_view g : it.groups) {
                out_ += "<group>";
                escape(g, false);
                out_ += "</group>";
            }
            out_ += "</item>";
        }
        out_ += "</query></iq>";
        return out_.size();
    }
    std::string_view output() const noexcept { return out_; }

private:
    void jid(const xstanza::Jid& j) {
        if (!j.local().empty()) {
            escape(j.local(), true);
            out_ += '@';
        }
        escape(j.domain(), true);
        if (!j.resource().empty()) {
            out_ += '/';
            escape(j.resource(), true);
        }
    }
    void escape(std::string_view s, bool attribute) {
        std::size_t run = 0;
        for (std::size_t i = 0; i < s.size(); ++i) {
            const char* rep;
            switch (s[i]) {
            case '&': rep = "&amp;"; break;
            case '<': rep = "&lt;"; break;
            case '>': rep = "&gt;"; break;
            case '\'': rep = attribute ? "&apos;" : nullptr; break;
            default: rep = nullptr; break;
            }
            if (!rep) continue;
            out_.append(s.data() + run, i - run);
            out_ += rep;
            run = i + 1;
        }
        out_.append(s.data() + run, s.size() - run);
    }

    const roster_result& iq_;
    std::string out_;
};

}  // namespace xstanza_bench

#endif  // XSTANZA_BENCH_IMPL_STRING_BUILDER_HPP
