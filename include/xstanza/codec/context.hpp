// xstanza: what a codec is given besides its element. Reading: the stanza around the
// payload (its IQ type, whose rules apply) and storage for the lists a payload holds, which
// lives as long as the parse's views. Writing: the IQ type. Both are part of the extension
// point: a user's payload_parser / payload_serializer may take them, as the built-in ones do.
#ifndef XSTANZA_CODEC_CONTEXT_HPP
#define XSTANZA_CODEC_CONTEXT_HPP

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <new>
#include <utility>
#include <vector>

#include "../model/iq.hpp"
#include "../model/rules.hpp"
#include "../xml/dom.hpp"

namespace xstanza {

namespace detail {
struct storage_access;
inline std::size_t next_storage_id() noexcept {
    static std::atomic<std::size_t> next{0};
    return next.fetch_add(1, std::memory_order_relaxed);
}
// One small number per (T, Tag), the same in every translation unit.
template <class T, class Tag>
std::size_t storage_id() noexcept {
    static const std::size_t id = next_storage_id();
    return id;
}
}  // namespace detail

/// Storage for what a parse holds besides the input: the lists a payload's codec fills
/// (roster items, their groups) and the texts element views decode out of place. Owned by
/// the Parser and reused from one parse to the next, so that once warm a parse allocates
/// nothing; owned<T> takes it over with the parse's views (Parser::release_storage).
class parse_storage {
public:
    parse_storage() noexcept = default;
    /// Movable (owned<T> takes a parse's storage over), not copyable.
    parse_storage(parse_storage&&) noexcept = default;
    /// Movable, not copyable.
    parse_storage& operator=(parse_storage&&) noexcept = default;

    /// The list of T kept under `Tag` (distinct tags: distinct lists of one type), empty at
    /// the start of each parse. Its elements stay where they are until the list grows again
    /// or the next parse begins. Null when out of memory.
    template <class T, class Tag = T>
    std::vector<T>* list() noexcept {
        list_of<T, Tag>* l = object<list_of<T, Tag>>();
        return l ? &l->items : nullptr;
    }

    /// The object of type T kept here (default-constructed on first use, a T of one's own:
    /// declare the type in your code), cleared with its clear() at the start of each parse on
    /// first use. Null when out of memory. For a codec that keeps several lists: one lookup.
    template <class T>
    T* object() noexcept {
        const std::size_t id = detail::storage_id<T, T>();
        if (id >= pools_.size()) {
            try {
                pools_.resize(id + 1);
            } catch (...) {
                return nullptr;
            }
        }
        std::unique_ptr<pool_base>& slot = pools_[id];
        if (!slot) {
            slot.reset(new (std::nothrow) pool<T>);
            if (!slot) return nullptr;
        }
        auto* p = static_cast<pool<T>*>(slot.get());
        if (p->generation != generation_) {  // first use in this parse: empty it (keeps its memory)
            p->value.clear();
            p->generation = generation_;
        }
        return &p->value;
    }

    /// Starts a parse: every list reads as empty; texts are reused.
    void clear() noexcept {
        ++generation_;
        texts_.clear();
    }
    /// Exchanges the storage; the lists' and texts' memory does not move, so views into them
    /// stay valid.
    void swap(parse_storage& other) noexcept {
        pools_.swap(other.pools_);
        std::swap(generation_, other.generation_);
        texts_.swap(other.texts_);
    }

private:
    friend struct detail::storage_access;
    struct pool_base {
        virtual ~pool_base() = default;
        std::uint64_t generation = 0;
    };
    template <class T>
    struct pool : pool_base {
        T value;
    };
    template <class T, class Tag>
    struct list_of {
        std::vector<T> items;
        void clear() noexcept { items.clear(); }
    };
    std::vector<std::unique_ptr<pool_base>> pools_;
    std::uint64_t generation_ = 1;
    detail::text_arena texts_;
};

namespace detail {
struct storage_access {
    static text_arena& texts(parse_storage& s) noexcept { return s.texts_; }
};
}  // namespace detail

/// What a payload's codec reads besides its element (payload_parser<P>::parse(e, context)):
/// the stanza carrying it (an IQ of some type: some payload rules depend on it, RFC 6121
/// §2.1.3, §2.1.5; or a message or presence, for an extension element), the rules the parse
/// applies (rules.hpp) and the parse's storage.
class payload_context {
public:
    /// For a payload in an IQ of type `type`, parsed under rules `r`, its lists in `storage`.
    payload_context(IqType type, const xstanza::rules& r, parse_storage& storage) noexcept
        : type_(type), rules_(r), storage_(&storage) {}
    /// For an extension element of a message or presence (`kind`).
    payload_context(StanzaKind kind, const xstanza::rules& r, parse_storage& storage) noexcept
        : kind_(kind), rules_(r), storage_(&storage) {}
    /// The kind of stanza the element is in.
    StanzaKind kind() const noexcept { return kind_; }
    /// The IQ's type (meaningful when kind() is StanzaKind::iq).
    IqType iq_type() const noexcept { return type_; }
    /// The rules the parse applies: a receiver's or a sender's, a client's or a server's (rules.hpp).
    const xstanza::rules& rules() const noexcept { return rules_; }
    /// The parse's storage: lists that live as long as the parse's views (parse_storage::list).
    parse_storage& storage() const noexcept { return *storage_; }

private:
    IqType type_ = IqType::get;
    StanzaKind kind_ = StanzaKind::iq;
    xstanza::rules rules_;
    parse_storage* storage_;
};

/// What a payload's codec writes with besides the writer (payload_serializer<P>::write(p, w,
/// context)): the kind of stanza carrying it and, for an IQ, its type. The sender's rules are
/// the writer's (w.rules()).
struct write_context {
    /// The IQ's type (meaningful when kind is StanzaKind::iq).
    IqType iq_type = IqType::get;
    /// The kind of stanza the element is written in.
    StanzaKind kind = StanzaKind::iq;
};

}  // namespace xstanza

#endif  // XSTANZA_CODEC_CONTEXT_HPP
