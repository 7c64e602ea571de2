// xstanza: owning copies of stanzas, for keeping a parsed stanza after the buffer or the
// Parser it came from is gone (parsed stanzas are views; see Parser).
#ifndef XSTANZA_STANZA_OWNED_HPP
#define XSTANZA_STANZA_OWNED_HPP

#include <cstddef>
#include <cstring>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "../model/error.hpp"
#include "../model/iq.hpp"
#include "parser.hpp"
#include "serialize.hpp"

namespace xstanza {

/// A stanza together with the storage its views point into. Movable, not copyable
/// (moving keeps every view valid: the storage is on the heap and does not move).
template <class T>
class owned {
public:
    /// The stanza.
    const T& operator*() const noexcept { return *value_; }
    /// The stanza's members.
    const T* operator->() const noexcept { return &*value_; }
    /// The stanza.
    const T& get() const noexcept { return *value_; }
    /// The canonical XML the copy was made from.
    std::string_view xml() const noexcept { return xml_; }

    /// Moves the stanza and its storage; the views stay valid.
    owned(owned&&) noexcept = default;
    /// Moves the stanza and its storage; the views stay valid.
    owned& operator=(owned&&) noexcept = default;
    owned(const owned&) = delete;
    owned& operator=(const owned&) = delete;

private:
    template <class U>
    friend result<owned<U>> make_owned(const U& stanza) noexcept;
    owned() = default;

    std::unique_ptr<char[]> buffer_;  // parsed in situ: references are decoded in it
    std::size_t size_ = 0;
    std::string xml_;                 // the canonical XML, intact (buffer_ is not)
    parse_storage storage_;           // the parse's lists (roster items, groups) and decoded texts
    std::optional<T> value_;
};

/// Copies a stanza (parsed or built) into storage of its own: serializes it canonically,
/// then parses that copy. Fails as serialize() would on data that is not XML.
template <class T>
result<owned<T>> make_owned(const T& stanza) noexcept {
    std::string xml;
    // Written as a server would: a copy keeps what a server's roster push carries ('approved',
    // 'ask'), which a client's own roster set may not (RFC 6121 §2.1.2.1, §2.1.2.2). What the
    // receiver's rules mapped or ignored (StanzaError::unknown_condition,
    // RosterItem::ignored_subscription) is not written, so the copy does not keep it.
    if (codec_error e = serialize(stanza, xml, role::server)) return e;
    owned<T> o;
    try {
        o.buffer_.reset(new char[xml.size() + 1]);
        std::memcpy(o.buffer_.get(), xml.data(), xml.size() + 1);
        o.size_ = xml.size();
        // The copy is bounded by its own size only. The stanza passed whatever limits it was
        // parsed with (or serialize()'s checks, when built), and the canonical form has the
        // same elements and attributes, so re-parsing costs what the first parse did; the
        // default limits would refuse a stanza its Parser accepted under raised ones.
        parse_limits limits;
        limits.max_input_bytes = limits.max_depth = limits.max_attributes = limits.max_namespaces = xml.size();
        Parser parser(limits);
        result<T> r = parser.parse_in_situ<T>(o.buffer_.get(), o.size_);
        if (!r) return r.error();
        parser.release_storage(o.storage_);
        o.value_ = std::move(*r);
        o.xml_ = std::move(xml);
    } catch (...) {
        return codec_error(errc::out_of_memory, 0, "out of memory copying the stanza");
    }
    return result<owned<T>>(std::move(o));
}

}  // namespace xstanza

#endif  // XSTANZA_STANZA_OWNED_HPP
