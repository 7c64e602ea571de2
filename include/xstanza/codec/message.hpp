// xstanza: the <message/> element (RFC 6121 §5.2, RFC 6120 §8.2.1): its type, its
// <subject/>, <body/> and <thread/> children, where its <error/> may be; read and written side
// by side. Its <error/> has the stanza error's codec, its extensions the extension point.
#ifndef XSTANZA_CODEC_MESSAGE_HPP
#define XSTANZA_CODEC_MESSAGE_HPP

#include <cstddef>
#include <string_view>
#include <vector>

#include "../model/error.hpp"
#include "../model/message.hpp"
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

// RFC 6121 §5.2.2: the message type a 'type' value names; false for a value outside the
// five, which a receiver "MUST consider ... to be of type normal" and a sender MUST NOT send.
inline bool message_type_named(std::string_view t, MessageType& out) noexcept {
    if (is(t, "chat")) out = MessageType::chat;
    else if (is(t, "groupchat")) out = MessageType::groupchat;
    else if (is(t, "headline")) out = MessageType::headline;
    else if (is(t, "normal")) out = MessageType::normal;
    else if (is(t, "error")) out = MessageType::error;
    else return false;
    return true;
}

// RFC 6121 §5.2.5: the 'parent' of a <thread/> "MUST be different from the XML character data
// of the <thread/> element". The problem, or null.
inline const char* thread_problem(const Thread& t) noexcept {
    if (!t.parent.empty() && t.parent == t.id) return "a <thread/>'s parent is the thread itself (RFC 6121 §5.2.5)";
    return nullptr;
}

// ---- reading ----

struct message_body_tag {};
struct message_subject_tag {};

/// What the Parser needs besides the fields: the type and the <error/> element.
struct message_frame {
    MessageType type = MessageType::normal;
    std::string_view ignored_type;  // a type a receiver read as normal (RFC 6121 §5.2.2)
    element error;                  // the null handle when there is none
};

// RFC 6121 §5.2.2: the 'type' attribute.
XSTANZA_CODEC_STEP codec_error read_message_type(const attribute& type, const rules& r, message_frame& f) noexcept {
    f.type = MessageType::normal;  // "the default value of the 'type' attribute is 'normal'"
    if (!type) return {};
    const std::string_view t = type.value();
    if (message_type_named(t, f.type)) return {};
    if (r.strict())
        return codec_error::make(errc::unknown_type, type.offset(), "unknown message type '", t,
                                 "', expected chat, error, groupchat, headline or normal (RFC 6121 §5.2.2)");
    f.ignored_type = t;
    return {};
}

// RFC 6121 §5.2.5: <thread parent?>id</thread>, at most one.
XSTANZA_CODEC_STEP codec_error read_thread(const element& c, std::optional<Thread>& out) noexcept {
    if (out)
        return codec_error::make(errc::duplicate_child, c.offset(), "a second <thread/>; a message carries at most one (RFC 6121 §5.2.5)");
    Thread t;
    if (codec_error e = read_text_only(c, t.id)) return e;
    if (std::optional<std::string_view> parent = c.attribute("parent")) t.parent = *parent;
    if (const char* problem = thread_problem(t)) return codec_error(errc::invalid_thread, c.offset(), problem);
    out = t;
    return {};
}

/// RFC 6121 §5.2, RFC 6120 §8.1: the <message/> element `root` into `m` and `f`, its texts
/// kept in `storage`. `on_extension(element, index)` is called for each extension element
/// (a child in a namespace of its own, RFC 6120 §8.4; index among the root's children) and
/// returns a codec_error. `root_text`: offset of character data directly inside (npos: none).
template <class OnExtension>
codec_error read_message(const element& root, std::size_t root_text, const stream_context& stream, const rules& r,
                         parse_storage& storage, message_fields& m, message_frame& f, OnExtension&& on_extension) noexcept {
    std::string_view written_ns, ns;
    stanza_attributes a;
    if (codec_error e = read_stanza_header(root, "message", root_text, "<body/> (RFC 6121 §5.2.3)", stream, a, m,
                                           written_ns, ns))
        return e;
    if (codec_error e = read_message_type(a.type, r, f)) return e;
    std::vector<LangText>* bodies = storage.list<LangText, message_body_tag>();
    std::vector<LangText>* subjects = storage.list<LangText, message_subject_tag>();
    std::size_t errors = 0, index = 0;
    element extra_error;
    for (element c : root) {
        if (in_stanza_ns(c, written_ns, ns)) {
            const std::string_view n = c.name();
            codec_error e;
            if (is(n, "body")) e = read_into(c, bodies);
            else if (is(n, "subject")) e = read_into(c, subjects);
            else if (is(n, "thread")) e = read_thread(c, m.thread);
            else if (is(n, "error")) (errors++ == 0 ? f.error : extra_error) = c;  // RFC 6120 §8.3.1
            else
                e = codec_error::make(errc::wrong_namespace, c.offset(), "<", c.qname(),
                                      "> in the stanza's namespace is no <message/> child; an extension has a namespace of "
                                      "its own (RFC 6120 §8.4)");
            if (e) return e;
        } else if (codec_error e = on_extension(c, index)) {
            return e;
        }
        ++index;
    }
    if (codec_error e = check_error_count(f.type == MessageType::error, errors, root, f.error, extra_error)) return e;
    if (bodies) m.bodies = span<const LangText>(*bodies);
    if (subjects) m.subjects = span<const LangText>(*subjects);
    std::vector<std::string_view>* scratch = storage.list<std::string_view, message_body_tag>();
    if (codec_error e = check_langs(m.bodies, m.lang, "body", root.offset(), scratch)) return e;
    return check_langs(m.subjects, m.lang, "subject", root.offset(), scratch);
}

// ---- writing ----

/// Writes a message: the start tag, its subjects, bodies and thread, then what
/// `write_rest(w)` writes (the extensions, the <error/>), then the end tag.
template <class WriteRest>
void write_message(xml_writer& w, const message_fields& m, MessageType type, WriteRest&& write_rest) noexcept {
    const std::string_view type_name = to_string(type);
    if (type_name.empty()) return w.fail(errc::invalid_data, "message type outside the enumeration");
    write_stanza_start(w, "message", type_name, m);
    write_lang_texts(w, "subject", m.subjects, m.lang);
    write_lang_texts(w, "body", m.bodies, m.lang);
    if (m.thread) {
        if (const char* problem = thread_problem(*m.thread)) return w.fail(errc::invalid_data, problem);
        writer_access::open(w, "thread", "jabber:client");
        if (!m.thread->parent.empty()) w.attribute("parent", m.thread->parent);
        w.text(m.thread->id);
        w.close();
    }
    write_rest(w);
    w.close();
}

}  // namespace detail
}  // namespace xstanza

#endif  // XSTANZA_CODEC_MESSAGE_HPP
