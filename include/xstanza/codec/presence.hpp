// xstanza: the <presence/> element (RFC 6121 §4.7, RFC 6120 §8.2.2): its type, its <show/>,
// <status/> and <priority/> children, where its <error/> may be; read and written side by
// side. Its <error/> has the stanza error's codec, its extensions the extension point.
#ifndef XSTANZA_CODEC_PRESENCE_HPP
#define XSTANZA_CODEC_PRESENCE_HPP

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "../model/error.hpp"
#include "../model/presence.hpp"
#include "../model/rules.hpp"
#include "../xml/element.hpp"
#include "../xml/writer.hpp"
#include "common.hpp"
#include "context.hpp"
#include "frame.hpp"
#include "lang_text.hpp"

namespace xstanza {
namespace detail {

// ---- the rules, one function each ----

// RFC 6121 §4.7.1: the presence type a 'type' value names (there is no "available": the
// absence of the attribute means it); false for any other value, which the recipient
// "SHOULD return a stanza error of <bad-request/>" for.
inline bool presence_type_named(std::string_view t, PresenceType& out) noexcept {
    if (is(t, "unavailable")) out = PresenceType::unavailable;
    else if (is(t, "subscribe")) out = PresenceType::subscribe;
    else if (is(t, "subscribed")) out = PresenceType::subscribed;
    else if (is(t, "unsubscribe")) out = PresenceType::unsubscribe;
    else if (is(t, "unsubscribed")) out = PresenceType::unsubscribed;
    else if (is(t, "probe")) out = PresenceType::probe;
    else if (is(t, "error")) out = PresenceType::error;
    else return false;
    return true;
}

// RFC 6121 §4.7.2.1: "The XML character data MUST be one of" away, chat, dnd, xa.
inline bool show_named(std::string_view t, Show& out) noexcept {
    if (is(t, "away")) out = Show::away;
    else if (is(t, "chat")) out = Show::chat;
    else if (is(t, "dnd")) out = Show::dnd;
    else if (is(t, "xa")) out = Show::xa;
    else return false;
    return true;
}

// RFC 6121 §4.7.2.3: "The value MUST be an integer between -128 and +127."
constexpr bool priority_allowed(long value) noexcept { return value >= -128 && value <= 127; }

// RFC 6121 §4.5.1, §4.7.2: show and priority "apply only to available resources"; xstanza
// keeps them on available presence only (see Presence). True when `type` may carry them.
constexpr bool show_priority_allowed(PresenceType type) noexcept { return type == PresenceType::available; }

// RFC 6121 §3.1.1: in a subscription request a user's client sends, "the value of the 'to'
// attribute MUST be a bare JID". True when a presence of `type` to `to` keeps the rule (the
// servers on the way SHOULD treat a full JID as the bare one, §3.1.2, §3.1.3: a receiver
// does not check it).
inline bool subscribe_to_allowed(PresenceType type, const std::optional<Jid>& to) noexcept {
    return type != PresenceType::subscribe || !to || to->is_bare();
}

// ---- reading ----

struct presence_status_tag {};

/// What the Parser needs besides the fields: the type, show, priority and the <error/>.
struct presence_frame {
    PresenceType type = PresenceType::available;
    Show show = Show::none;
    std::optional<int> priority;
    element error;  // the null handle when there is none
};

// RFC 6121 §4.7.1: the 'type' attribute; absent means available.
XSTANZA_CODEC_STEP codec_error read_presence_type(const attribute& type, presence_frame& f) noexcept {
    f.type = PresenceType::available;
    if (!type) return {};
    const std::string_view t = type.value();
    if (presence_type_named(t, f.type)) return {};
    return codec_error::make(errc::unknown_type, type.offset(), "unknown presence type '", t,
                             "', expected none, unavailable, subscribe, subscribed, unsubscribe, unsubscribed, probe or "
                             "error (RFC 6121 §4.7.1)");
}

// RFC 6121 §4.7.2.1: at most one <show/>, one of four values (an xs:token: white space around
// it is not part of it).
XSTANZA_CODEC_STEP codec_error read_show(const element& c, bool seen, Show& out) noexcept {
    if (seen)
        return codec_error::make(errc::duplicate_child, c.offset(), "a second <show/>; a presence carries at most one (RFC 6121 §4.7.2.1)");
    std::string_view t;
    if (codec_error e = read_text_only(c, t)) return e;
    if (!show_named(trim_space(t), out))
        return codec_error::make(errc::invalid_show, c.offset(), "<show>", trim_space(t),
                                 "</show>: the value is away, chat, dnd or xa (RFC 6121 §4.7.2.1)");
    return {};
}

// RFC 6121 §4.7.2.3: at most one <priority/>, an integer in -128..127 (an xs:byte).
XSTANZA_CODEC_STEP codec_error read_priority(const element& c, std::optional<int>& out) noexcept {
    if (out)
        return codec_error::make(errc::duplicate_child, c.offset(), "a second <priority/>; a presence carries at most one (RFC 6121 §4.7.2.3)");
    std::string_view t;
    if (codec_error e = read_text_only(c, t)) return e;
    const std::string_view v = trim_space(t);
    std::string_view digits = v;
    if (!digits.empty() && (digits[0] == '-' || digits[0] == '+')) digits.remove_prefix(1);
    unsigned magnitude = 0;
    const bool number = !digits.empty() && digits.size() <= 4 && parse_uint(digits, magnitude);
    const long value = v.size() && v[0] == '-' ? -long(magnitude) : long(magnitude);
    if (!number || !priority_allowed(value))
        return codec_error::make(errc::invalid_priority, c.offset(), "<priority>", v,
                                 "</priority>: the value is an integer from -128 to 127 (RFC 6121 §4.7.2.3)");
    out = int(value);
    return {};
}

// RFC 6121 §4.5.1: "the unavailable presence stanza MUST NOT contain the <priority/> element
// or the <show/> element". On the other types but available xstanza refuses them too when
// applying the sender's rules; a receiver ignores them there.
XSTANZA_CODEC_STEP codec_error read_show_priority(const element& c, bool show, const rules& r, presence_frame& f) noexcept {
    if (!show_priority_allowed(f.type)) {
        if (!r.strict()) return {};
        return codec_error::make(show ? errc::invalid_show : errc::invalid_priority, c.offset(), "<", c.qname(),
                                 "> on a presence of type ", to_string(f.type),
                                 "; only available presence carries <show/> and <priority/> (RFC 6121 §4.5.1, §4.7.2)");
    }
    if (show) {
        const bool seen = f.show != Show::none;
        return read_show(c, seen, f.show);
    }
    return read_priority(c, f.priority);
}

/// RFC 6121 §4.7, RFC 6120 §8.1: the <presence/> element `root` into `p` and `f`, its texts
/// kept in `storage`; `on_extension` as for read_message.
template <class OnExtension>
codec_error read_presence(const element& root, std::size_t root_text, const stream_context& stream, const rules& r,
                          parse_storage& storage, presence_fields& p, presence_frame& f, OnExtension&& on_extension) noexcept {
    std::string_view written_ns, ns;
    stanza_attributes a;
    if (codec_error e = read_stanza_header(root, "presence", root_text, "<status/> (RFC 6121 §4.7.2.2)", stream, a, p,
                                           written_ns, ns))
        return e;
    if (codec_error e = read_presence_type(a.type, f)) return e;
    if (r.strict() && r.of == role::client && !subscribe_to_allowed(f.type, p.to)) {  // RFC 6121 §3.1.1
        const std::optional<attribute> to = root.find("to");
        return codec_error::make(errc::invalid_jid, to ? to->offset() : root.offset(),
                                 "a subscription request goes to a bare JID, found '", to ? to->value() : "",
                                 "' (RFC 6121 §3.1.1)");
    }
    std::vector<LangText>* statuses = storage.list<LangText, presence_status_tag>();
    std::size_t errors = 0, index = 0;
    element extra_error;
    for (element c : root) {
        if (in_stanza_ns(c, written_ns, ns)) {
            const std::string_view n = c.name();
            codec_error e;
            if (is(n, "status")) e = read_into(c, statuses);
            else if (is(n, "show")) e = read_show_priority(c, true, r, f);
            else if (is(n, "priority")) e = read_show_priority(c, false, r, f);
            else if (is(n, "error")) (errors++ == 0 ? f.error : extra_error) = c;  // RFC 6120 §8.3.1
            else
                e = codec_error::make(errc::wrong_namespace, c.offset(), "<", c.qname(),
                                      "> in the stanza's namespace is no <presence/> child; an extension has a namespace "
                                      "of its own (RFC 6120 §8.4)");
            if (e) return e;
        } else if (codec_error e = on_extension(c, index)) {
            return e;
        }
        ++index;
    }
    if (codec_error e = check_error_count(f.type == PresenceType::error, errors, root, f.error, extra_error)) return e;
    if (statuses) p.statuses = span<const LangText>(*statuses);
    return check_langs(p.statuses, p.lang, "status", root.offset(), storage.list<std::string_view, presence_status_tag>());
}

// ---- writing ----

/// Writes a presence: the start tag, show, statuses, priority, then what `write_rest(w)`
/// writes (the extensions, the <error/>), then the end tag.
template <class WriteRest>
void write_presence(xml_writer& w, const presence_fields& p, PresenceType type, Show show, std::optional<int> priority,
                    WriteRest&& write_rest) noexcept {
    if (type > PresenceType::error) return w.fail(errc::invalid_data, "presence type outside the enumeration");
    if (!show_priority_allowed(type) && (show != Show::none || priority))
        return w.fail(errc::invalid_data, "show and priority on a presence of type ", to_string(type),
                      "; only available presence carries them (RFC 6121 §4.5.1, §4.7.2)");
    if (w.rules().of == role::client && !subscribe_to_allowed(type, p.to))  // RFC 6121 §3.1.1
        return w.fail(errc::invalid_data, "a subscription request goes to a bare JID (RFC 6121 §3.1.1)");
    write_stanza_start(w, "presence", to_string(type), p);
    if (show != Show::none) {
        const std::string_view s = to_string(show);
        if (s.empty()) return w.fail(errc::invalid_data, "show value outside the enumeration (RFC 6121 §4.7.2.1)");
        write_text_element(w, "show", s);
    }
    write_lang_texts(w, "status", p.statuses, p.lang);
    if (priority) {
        if (!priority_allowed(*priority))
            return w.fail(errc::invalid_data, "priority outside -128..127 (RFC 6121 §4.7.2.3)");
        char digits[8];
        int n = *priority < 0 ? -*priority : *priority, i = 8;
        do digits[--i] = char('0' + n % 10); while ((n /= 10) && i > 1);
        if (*priority < 0) digits[--i] = '-';
        write_text_element(w, "priority", std::string_view(digits + i, std::size_t(8 - i)));
    }
    write_rest(w);
    w.close();
}

}  // namespace detail
}  // namespace xstanza

#endif  // XSTANZA_CODEC_PRESENCE_HPP
