// xstanza: filling a message or a presence from the tree of the latest parse: the frame
// codecs (codec/message.hpp, codec/presence.hpp) read the element, this decodes its
// extensions through the extension point (those the type names) or keeps them opaque, and
// reads its <error/> with the stanza error's codec. The Parser calls it.
#ifndef XSTANZA_STANZA_FILL_HPP
#define XSTANZA_STANZA_FILL_HPP

#include <cstddef>
#include <deque>
#include <optional>
#include <string_view>
#include <type_traits>
#include <vector>

#include "../codec/context.hpp"
#include "../codec/message.hpp"
#include "../codec/opaque.hpp"
#include "../codec/presence.hpp"
#include "../codec/stanza_error.hpp"
#include "../model/any_stanza.hpp"
#include "../model/error.hpp"
#include "../model/iq.hpp"
#include "../model/message.hpp"
#include "../model/presence.hpp"
#include "../model/rules.hpp"
#include "../xml/element.hpp"
#include "../xml/scan.hpp"
#include "payload_decode.hpp"

namespace xstanza {
namespace detail {

/// What filling a stanza reads from the latest parse.
struct parse_env {
    element root;
    std::size_t root_text;  // offset of character data directly inside the root (npos: none)
    const stream_context& stream;
    const rules& applied;
    parse_storage& storage;
    const std::vector<child_span>& children;  // the root's element children's bytes
    const char* base;                         // the input
};

struct extension_tag {};
template <class T> struct type_identity { using type = T; };

/// The extension elements of a message or presence: the first of each type Exts... decoded
/// into `typed`, every other one kept opaque, in order, in the parse's storage (RFC 6120
/// §8.4: an unknown extension is kept, never rejected).
template <class... Exts>
class extension_reader {
public:
    extension_reader(const parse_env& env, StanzaKind kind, typed_extensions<Exts...>* typed) noexcept
        : env_(env), kind_(kind), typed_(typed), kept_(env.storage.list<OpaqueElement, extension_tag>()) {}

    codec_error operator()(const element& c, std::size_t index) noexcept {
        bool taken = false;
        if constexpr (sizeof...(Exts) > 0) {
            if (codec_error e = decode_typed<Exts...>(c, taken)) return e;
        }
        if (taken) return {};
        if (!kept_) return codec_error(errc::out_of_memory, c.offset(), "out of memory keeping an extension");
        const child_span& s = env_.children[index];
        OpaqueElement o;
        if (codec_error e = read_opaque(c, env_.base, s.begin, s.end, s.outer_prefix, o, kind_)) return e;
        try {
            kept_->push_back(o);
        } catch (...) {
            return codec_error(errc::out_of_memory, c.offset(), "out of memory keeping an extension");
        }
        return {};
    }

    /// The extensions kept opaque.
    extension_list kept() const noexcept { return kept_ ? extension_list(*kept_) : extension_list(); }

private:
    template <class P, class... Rest>
    codec_error decode_typed(const element& c, bool& taken) noexcept {
        std::optional<P>& slot = typed_->template get<P>();
        if (!slot && c.is(payload_traits<P>::name, payload_traits<P>::ns)) {
            taken = true;
            payload_context ctx(kind_, env_.applied, env_.storage);
            return decode_payload<P>(c, ctx, slot.emplace(), true);
        }
        if constexpr (sizeof...(Rest) > 0) return decode_typed<Rest...>(c, taken);
        else return {};
    }

    const parse_env& env_;
    StanzaKind kind_;
    typed_extensions<Exts...>* typed_;
    std::vector<OpaqueElement>* kept_;
};

// An <error/> the stanza's type does not keep is still checked (its errors come first).
// What Parser::parse<T> and cast<T> tell apart.
template <class T> struct is_iq : std::false_type {};
template <class Type, class P> struct is_iq<Iq<Type, P>> : std::true_type {};
template <class T> struct is_message : std::false_type {};
template <class Type, class... Exts> struct is_message<Message<Type, Exts...>> : std::true_type {};
template <class T> struct is_presence : std::false_type {};
template <class Type, class... Exts> struct is_presence<Presence<Type, Exts...>> : std::true_type {};
/// What Parser::parse<T> parses into: a stanza, typed or runtime-typed, or AnyStanza.
template <class T> inline constexpr bool is_parse_target_v =
    std::is_same_v<T, AnyIq> || std::is_same_v<T, AnyMessage> || std::is_same_v<T, AnyPresence> ||
    std::is_same_v<T, AnyStanza> || is_iq<T>::value || is_message<T>::value || is_presence<T>::value;
template <class T, class = void> struct error_tagged : std::false_type {};
template <class T> struct error_tagged<T, std::void_t<typename T::type_tag>> : std::is_same<typename T::type_tag, Error> {};

/// A result holding a stanza of type T with nothing parsed yet, constructed in place (the
/// Parser fills it where the caller reads it: never moved or copied).
template <class T>
result<T> blank_result() noexcept {
    if constexpr (!is_iq<T>::value) {
        if constexpr (error_tagged<T>::value) return result<T>(std::in_place, StanzaError(Condition::undefined_condition));
        else return result<T>(std::in_place);
    } else if constexpr (std::is_same_v<typename T::type_tag, Error>) {
        return result<T>(std::in_place, std::string_view{}, StanzaError(Condition::undefined_condition));
    } else if constexpr (std::is_void_v<typename T::payload_type>) {
        return result<T>(std::in_place, std::string_view{});
    } else {
        return result<T>(std::in_place, std::string_view{}, typename T::payload_type{});
    }
}

/// The header of an AnyIq, into the typed IQ a cast makes of it.
template <class T>
void copy_header(const AnyIq& any, T& iq) noexcept {
    iq.id = any.id;
    iq.from = any.from;
    iq.to = any.to;
    iq.lang = any.lang;
}

inline codec_error read_unkept_error(const element& e, const rules& r) noexcept {
    StanzaError ignored(Condition::undefined_condition);
    return read_stanza_error(e, r, ignored);
}

inline codec_error fill(const parse_env& env, AnyMessage& m) noexcept {
    message_frame f;
    extension_reader<> ext(env, StanzaKind::message, nullptr);
    if (codec_error e = read_message(env.root, env.root_text, env.stream, env.applied, env.storage, m, f, ext)) return e;
    m.extensions = ext.kept();
    m.type = f.type;
    m.ignored_type = f.ignored_type;
    if (f.error) return read_stanza_error(f.error, env.applied, m.error.emplace(Condition::undefined_condition));
    return {};
}

template <class Type, class... Exts>
codec_error fill(const parse_env& env, Message<Type, Exts...>& m) noexcept {
    message_frame f;
    extension_reader<Exts...> ext(env, StanzaKind::message, &m);
    if (codec_error e = read_message(env.root, env.root_text, env.stream, env.applied, env.storage, m, f, ext)) return e;
    m.extensions = ext.kept();
    if (f.error) {
        if constexpr (std::is_same_v<Type, Error>) {
            if (codec_error e = read_stanza_error(f.error, env.applied, m.error)) return e;
        } else if (codec_error e = read_unkept_error(f.error, env.applied)) {
            return e;
        }
    }
    if (f.type != Message<Type, Exts...>::type)
        return codec_error::make(errc::type_mismatch, env.root.offset(), "expected a ", to_string(message_type_of<Type>),
                                 " message, found ", to_string(f.type));
    return {};
}

inline codec_error fill(const parse_env& env, AnyPresence& p) noexcept {
    presence_frame f;
    extension_reader<> ext(env, StanzaKind::presence, nullptr);
    if (codec_error e = read_presence(env.root, env.root_text, env.stream, env.applied, env.storage, p, f, ext)) return e;
    p.extensions = ext.kept();
    p.type = f.type;
    p.show = f.show;
    p.priority = f.priority;
    if (f.error) return read_stanza_error(f.error, env.applied, p.error.emplace(Condition::undefined_condition));
    return {};
}

template <class Type, class... Exts>
codec_error fill(const parse_env& env, Presence<Type, Exts...>& p) noexcept {
    presence_frame f;
    extension_reader<Exts...> ext(env, StanzaKind::presence, &p);
    if (codec_error e = read_presence(env.root, env.root_text, env.stream, env.applied, env.storage, p, f, ext)) return e;
    p.extensions = ext.kept();
    if (f.error) {
        if constexpr (std::is_same_v<Type, Error>) {
            if (codec_error e = read_stanza_error(f.error, env.applied, p.error)) return e;
        } else if (codec_error e = read_unkept_error(f.error, env.applied)) {
            return e;
        }
    }
    if (f.type != Presence<Type, Exts...>::type) {
        const std::string_view want = to_string(presence_type_of<Type>), found = to_string(f.type);
        return codec_error::make(errc::type_mismatch, env.root.offset(), "expected a presence of type ",
                                 want.empty() ? "available" : want, ", found ", found.empty() ? "available" : found);
    }
    if constexpr (std::is_same_v<Type, Available>) {
        p.show = f.show;
        p.priority = f.priority;
    }
    return {};
}

// ---- Parser::cast to a message or presence ----

inline std::string_view type_name(MessageType t) noexcept { return to_string(t); }
inline std::string_view type_name(PresenceType t) noexcept {
    return t == PresenceType::available ? std::string_view("available") : to_string(t);
}

template <class Type, class... Exts>
void copy_fields(const AnyMessage& any, Message<Type, Exts...>& m) noexcept {
    static_cast<message_fields&>(m) = any;
    if constexpr (std::is_same_v<Type, Error>) m.error = any.error.value_or(StanzaError(Condition::undefined_condition));
}
template <class Type, class... Exts>
void copy_fields(const AnyPresence& any, Presence<Type, Exts...>& p) noexcept {
    static_cast<presence_fields&>(p) = any;
    if constexpr (std::is_same_v<Type, Available>) {
        p.show = any.show;
        p.priority = any.priority;
    }
    if constexpr (std::is_same_v<Type, Error>) p.error = any.error.value_or(StanzaError(Condition::undefined_condition));
}

// The lists of extensions casts keep (one per cast, so that each cast's views stay valid
// until the next parse); reused from parse to parse.
struct cast_lists {
    std::deque<std::vector<OpaqueElement>> lists;
    std::size_t used = 0;
    void clear() noexcept { used = 0; }
    std::vector<OpaqueElement>* next() noexcept {
        try {
            if (used == lists.size()) lists.emplace_back();
            std::vector<OpaqueElement>* l = &lists[used++];
            l->clear();
            return l;
        } catch (...) {
            return nullptr;
        }
    }
};

// Decodes the first of `all` matching each of S's typed extensions (its element from
// `view_of`, a null handle when it is not of the latest parse) and keeps the others in S's
// `extensions`.
template <template <class, class...> class Stanza, class Type, class... Exts, class ViewOf>
codec_error cast_extensions(extension_list all, Stanza<Type, Exts...>& s, parse_storage& storage, ViewOf&& view_of,
                            const rules& applied) noexcept {
    if constexpr (sizeof...(Exts) == 0) {
        return {};
    } else {
        constexpr StanzaKind kind = std::is_same_v<Stanza<Type, Exts...>, Message<Type, Exts...>> ? StanzaKind::message
                                                                                                   : StanzaKind::presence;
        cast_lists* lists = storage.object<cast_lists>();
        std::vector<OpaqueElement>* kept = lists ? lists->next() : nullptr;
        if (!kept) return codec_error(errc::out_of_memory, 0, "out of memory casting the extensions");
        for (const OpaqueElement& o : all) {
            // Found in the latest parse's tree by its place first (its bytes are read only
            // then: those of an earlier parse may be gone, stanza/checked.hpp).
            const element e = view_of(o);
            if (!e)
                return codec_error(errc::payload_mismatch, 0,
                                   "an extension that is not of the latest parse; cast a stanza before parsing the next");
            bool taken = false;
            codec_error err;
            auto try_one = [&](auto tag) {
                using P = typename decltype(tag)::type;
                std::optional<P>& slot = s.template get<P>();
                if (taken || slot || !e.is(payload_traits<P>::name, payload_traits<P>::ns)) return;
                taken = true;
                payload_context ctx(kind, applied, storage);
                err = decode_payload<P>(e, ctx, slot.emplace(), true);
            };
            (try_one(type_identity<Exts>{}), ...);
            if (err) return err;
            if (taken) continue;
            try {
                kept->push_back(o);
            } catch (...) {
                return codec_error(errc::out_of_memory, 0, "out of memory casting the extensions");
            }
        }
        s.extensions = extension_list(*kept);
        return {};
    }
}

}  // namespace detail
}  // namespace xstanza

#endif  // XSTANZA_STANZA_FILL_HPP
