// xstanza: the bytes a StreamReader reads. The chunk fed last; the construct being framed in
// it (a "region": an XML declaration, the header's start tag or a first-level element), with
// its bytes from earlier chunks kept in a buffer bounded by stream_limits::max_stanza_bytes;
// the byte after an element handed out in place; and the failure that stops the reader.
#ifndef XSTANZA_STREAM_INPUT_HPP
#define XSTANZA_STREAM_INPUT_HPP

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

#include "../model/error.hpp"
#include "../model/stream.hpp"
#include "../model/stream_error.hpp"
#include "../xml/scan.hpp"
#include "failure.hpp"

namespace xstanza::detail {

// A region's bytes, contiguous: in place in the chunk, or assembled in the buffer (copied).
struct region_bytes {
    char* data = nullptr;
    std::size_t size = 0;
    bool copied = false;
    std::uint64_t offset = 0;  // stream offset of data[0]
};

class stream_input {
public:
    explicit stream_input(const stream_limits& limits) noexcept : limits_(limits) {}

    const stream_limits& limits() const noexcept { return limits_; }
    // Bytes of the stream consumed so far.
    std::uint64_t offset() const noexcept { return base_ + pos_; }

    // --- the failure ---
    bool failed() const noexcept { return failure_.failed(); }
    const stream_failure& failure() const noexcept { return failure_; }
    stream_failure& failure() noexcept { return failure_; }
    template <class... Parts>
    void fail_now(StreamCondition c, errc code, std::uint64_t offset, const Parts&... parts) noexcept {
        failure_.set(c, code, offset, parts...);
        region_ = false;
    }
    template <class... Parts>
    void fail(StreamEvent& ev, StreamCondition c, errc code, std::uint64_t offset, const Parts&... parts) noexcept {
        fail_now(c, code, offset, parts...);
        ev = error_event();
    }
    StreamEvent error_event() const noexcept { return failure_.event(); }

    // --- the chunk ---
    // True while bytes of the chunk are left to read.
    bool unread() const noexcept { return pos_ < size_; }
    // The next chunk; the current one must be read (or the reader failed or closed).
    void take_chunk(char* data, std::size_t size) noexcept {
        base_ += size_;
        data_ = data;
        size_ = size;
        pos_ = 0;
        region_begin_ = 0;
    }
    // Leaves the rest of the chunk unread.
    void skip_chunk() noexcept { pos_ = size_; }
    // Forgets the chunk, the stream offset and the failure (the chunk is not touched: it may
    // already be gone); the region goes with restart().
    void forget() noexcept {
        has_saved_ = false;
        data_ = nullptr;
        size_ = pos_ = 0;
        base_ = 0;
        failure_.clear();
    }

    // Parser::parse_in_situ writes data[size] of an element handed out in place: keep the
    // byte that follows it in the chunk, which restore_byte() puts back.
    void save_byte() noexcept {
        if (pos_ < size_) {
            has_saved_ = true;
            saved_pos_ = pos_;
            saved_ = data_[pos_];
        }
    }
    void restore_byte() noexcept {
        if (has_saved_) {
            data_[saved_pos_] = saved_;
            has_saved_ = false;
        }
    }

    // --- the region ---
    // The end of what may be read now: the chunk's end, or where the region being read
    // reaches the size limit. False, with ev the error, when it has reached it already.
    bool readable_end(std::size_t& end, StreamEvent& ev) noexcept {
        end = size_;
        if (!region_) return true;
        std::size_t used = buf_len_ + (pos_ - region_begin_);
        std::size_t room = limits_.max_stanza_bytes - used;
        if (room == 0) {
            // RFC 6120 §13.12, §4.9.3.14: a stanza over the local size limit
            fail(ev, StreamCondition::policy_violation, errc::input_too_large, region_offset_,
                 "an element exceeds the limit of ", scan_impl::decimal_text(limits_.max_stanza_bytes),
                 " bytes (RFC 6120 §13.12)");
            return false;
        }
        if (room < end - pos_) end = pos_ + room;
        return true;
    }

    // The chunk is read: keep the bytes of the region it ends inside, if any (within the
    // limit: readable_end() never lets a region grow past it). False when out of memory.
    bool keep_region() noexcept {
        if (!region_) return true;
        std::size_t n = size_ - region_begin_;
        if (!reserve_buf(buf_len_ + n)) return false;
        if (n) std::memcpy(buf_.data() + buf_len_, data_ + region_begin_, n);
        buf_len_ += n;
        region_begin_ = size_;
        return true;
    }

    // The region ends at the read position: its bytes, contiguous. False when out of memory.
    bool take_region(region_bytes& r) noexcept {
        region_ = false;
        r.offset = region_offset_;
        if (buf_len_ == 0) {
            r.data = data_ + region_begin_;
            r.size = pos_ - region_begin_;
            r.copied = false;
            return true;
        }
        std::size_t m = pos_ - region_begin_;
        if (!reserve_buf(buf_len_ + m)) return false;
        if (m) std::memcpy(buf_.data() + buf_len_, data_ + region_begin_, m);
        r.size = buf_len_ + m;
        buf_len_ = 0;
        r.data = buf_.data();
        r.copied = true;
        return true;
    }

protected:
    std::uint64_t offset_at(std::size_t pos) const noexcept { return base_ + pos; }

    void begin_region() noexcept {
        region_ = true;
        region_header_ = false;
        region_begin_ = pos_;
        region_offset_ = offset_at(pos_);
        buf_len_ = 0;
    }
    void drop_region() noexcept {
        region_ = false;
        region_header_ = false;
        buf_len_ = 0;
    }

    stream_limits limits_;
    // the current chunk
    char* data_ = nullptr;
    std::size_t size_ = 0;
    std::size_t pos_ = 0;
    std::uint64_t base_ = 0;  // stream offset of data_[0]
    // the construct being read (header, declaration, element)
    bool region_ = false;
    bool region_header_ = false;  // it is the header's start tag
    std::size_t region_begin_ = 0;
    std::uint64_t region_offset_ = 0;

private:
    // Makes room for n bytes plus the padding byte in buf_.
    bool reserve_buf(std::size_t n) noexcept {
        try {
            if (buf_.size() < n + 1) buf_.resize(n + 1);
            return true;
        } catch (...) {
            fail_now(StreamCondition::resource_constraint, errc::out_of_memory, region_offset_, "out of memory buffering an element");
            return false;
        }
    }

    std::vector<char> buf_;  // the region's bytes from earlier chunks, plus a padding byte
    std::size_t buf_len_ = 0;
    // the byte after an element handed out in place
    bool has_saved_ = false;
    std::size_t saved_pos_ = 0;
    char saved_ = 0;
    stream_failure failure_;
};

}  // namespace xstanza::detail

#endif  // XSTANZA_STREAM_INPUT_HPP
