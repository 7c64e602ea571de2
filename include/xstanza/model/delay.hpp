// xstanza: Delayed Delivery (XEP-0203), the model: when a stored message or presence was
// first sent, and by whom it was delayed. Plain data, no XML; the codec is codec/delay.hpp.
// Also the DateTime profile of XEP-0082 §3.2, which its 'stamp' follows, as a syntax check
// and a conversion to seconds since the epoch.
#ifndef XSTANZA_MODEL_DELAY_HPP
#define XSTANZA_MODEL_DELAY_HPP

#include <cstdint>
#include <optional>
#include <string_view>

#include "jid.hpp"
#include "payload.hpp"

namespace xstanza {

/// XEP-0203 §7.1: the delayed delivery namespace.
inline constexpr std::string_view delay_ns = "urn:xmpp:delay";

/// A XEP-0082 §3.2 DateTime, `CCYY-MM-DDThh:mm:ss[.sss]TZD`, read: its instant in seconds
/// since 1970-01-01T00:00:00Z (fractions of a second dropped, as §3.2 allows), whether its
/// zone is UTC ('Z', or an offset of 00:00), and, when the text is not a DateTime, what is wrong.
struct datetime_check {
    const char* problem = nullptr;  ///< null when the text is a DateTime
    std::int64_t seconds = 0;       ///< since the epoch, in UTC
    bool utc = false;               ///< the zone is 'Z', '+00:00' or '-00:00'
};

namespace detail {
constexpr bool two_digits(std::string_view s, std::size_t at, int& out) noexcept {
    if (at + 2 > s.size() || s[at] < '0' || s[at] > '9' || s[at + 1] < '0' || s[at + 1] > '9') return false;
    out = (s[at] - '0') * 10 + (s[at + 1] - '0');
    return true;
}
constexpr bool leap_year(int y) noexcept { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
constexpr int days_in_month(int y, int m) noexcept {
    constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap_year(y) ? 29 : days[m - 1];
}
// Days from 1970-01-01 to y-m-d, proleptic Gregorian (H. Hinnant's days_from_civil).
constexpr std::int64_t days_from_civil(int y, int m, int d) noexcept {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = unsigned((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1);
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + std::int64_t(doe) - 719468;
}
}  // namespace detail

/// XEP-0082 §3.2: checks `s` against the DateTime profile. The year has four digits (the
/// CCYY of §2; XML Schema's longer and negative years, which §5 calls edge cases Jabber
/// applications can ignore, are refused); month, day, hours 00-23, minutes and seconds 00-59
/// in range, the day within its month; fractions of a second one or more digits; the zone
/// 'Z' or (+|-)hh:mm, mandatory.
constexpr datetime_check check_datetime(std::string_view s) noexcept {
    datetime_check r;
    int c = 0, y = 0, mo = 0, d = 0, h = 0, mi = 0, se = 0;
    if (!detail::two_digits(s, 0, c) || !detail::two_digits(s, 2, y) || s.size() < 5 || s[4] != '-')
        return r.problem = "not CCYY- (a four-digit year, XEP-0082 §3.2)", r;
    y += c * 100;
    if (!detail::two_digits(s, 5, mo) || s.size() < 8 || s[7] != '-' || mo < 1 || mo > 12)
        return r.problem = "the month is not 01 to 12 (XEP-0082 §3.2)", r;
    if (!detail::two_digits(s, 8, d) || d < 1 || d > detail::days_in_month(y, mo))
        return r.problem = "the day is not a day of its month (XEP-0082 §3.2)", r;
    if (s.size() < 11 || s[10] != 'T') return r.problem = "no 'T' between the date and the time (XEP-0082 §3.2)", r;
    if (!detail::two_digits(s, 11, h) || h > 23 || s.size() < 14 || s[13] != ':')
        return r.problem = "the hour is not 00 to 23 (XEP-0082 §2, §3.2)", r;
    if (!detail::two_digits(s, 14, mi) || mi > 59 || s.size() < 17 || s[16] != ':')
        return r.problem = "the minutes are not 00 to 59 (XEP-0082 §2, §3.2)", r;
    if (!detail::two_digits(s, 17, se) || se > 59) return r.problem = "the seconds are not 00 to 59 (XEP-0082 §2, §3.2)", r;
    std::size_t at = 19;
    if (at < s.size() && s[at] == '.') {
        const std::size_t first = ++at;
        while (at < s.size() && s[at] >= '0' && s[at] <= '9') ++at;
        if (at == first) return r.problem = "no digit after '.' (XEP-0082 §3.2: fractions of a second)", r;
    }
    int offset = 0;
    if (at < s.size() && s[at] == 'Z') {
        ++at;
        r.utc = true;
    } else if (at < s.size() && (s[at] == '+' || s[at] == '-')) {
        int oh = 0, om = 0;
        if (!detail::two_digits(s, at + 1, oh) || oh > 23 || at + 3 >= s.size() || s[at + 3] != ':' ||
            !detail::two_digits(s, at + 4, om) || om > 59)
            return r.problem = "the time zone is not (+|-)hh:mm (XEP-0082 §3.2)", r;
        offset = (oh * 60 + om) * (s[at] == '-' ? -1 : 1);
        r.utc = offset == 0;
        at += 6;
    } else {
        return r.problem = "no time zone, 'Z' or (+|-)hh:mm, which is mandatory (XEP-0082 §3.2)", r;
    }
    if (at != s.size()) return r.problem = "characters after the time zone (XEP-0082 §3.2)", r;
    r.seconds = detail::days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + se - std::int64_t(offset) * 60;
    return r;
}

/// XEP-0203 §2: <delay xmlns='urn:xmpp:delay' from? stamp>reason?</delay>, added to a
/// <message/> or <presence/> stored for later delivery. Views into the parsed input, or
/// strings the caller keeps alive.
struct Delay {
    std::string_view stamp;      ///< REQUIRED: when the stanza was first sent, a XEP-0082 DateTime in UTC
    std::optional<Jid> from{};   ///< RECOMMENDED: who sent the stanza or delayed it
    std::string_view reason{};   ///< OPTIONAL: natural-language character data, as written

    /// The stamp in seconds since 1970-01-01T00:00:00Z; nothing when it is not a DateTime.
    std::optional<std::int64_t> seconds_since_epoch() const noexcept {
        const datetime_check c = check_datetime(stamp);
        if (c.problem) return std::nullopt;
        return c.seconds;
    }

    friend bool operator==(const Delay& a, const Delay& b) noexcept {
        return a.stamp == b.stamp && a.from == b.from && a.reason == b.reason;
    }
    friend bool operator!=(const Delay& a, const Delay& b) noexcept { return !(a == b); }
};

/// XEP-0203 §2: a <delay/> rides on a <message/> or a <presence/>, never in an IQ.
template <>
struct payload_traits<Delay> {
    ///@{
    /// The element's name and namespace; which IQ types (in_get, in_set, in_result) and, when
    /// named, which stanzas (in_message, in_presence) may carry it.
    static constexpr std::string_view name = "delay";
    static constexpr std::string_view ns = delay_ns;
    static constexpr bool in_get = false, in_set = false, in_result = false;
    static constexpr bool in_message = true;
    static constexpr bool in_presence = true;
    ///@}
};

}  // namespace xstanza

#endif  // XSTANZA_MODEL_DELAY_HPP
