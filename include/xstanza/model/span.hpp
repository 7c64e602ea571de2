// xstanza: a minimal read-only span (C++17 has no std::span). Parsed lists such as
// roster items are spans over storage the parser owns; built ones over the caller's.
#ifndef XSTANZA_MODEL_SPAN_HPP
#define XSTANZA_MODEL_SPAN_HPP

#include <cstddef>
#include <initializer_list>
#include <type_traits>

namespace xstanza {

/// A view of `size()` contiguous `T`s it does not own.
template <class T>
class span {
public:
    /// The element type, without const.
    using value_type = std::remove_cv_t<T>;
    /// A pointer.
    using iterator = T*;

    constexpr span() noexcept = default;
    /// The `size` Ts from `data`.
    constexpr span(T* data, std::size_t size) noexcept : data_(data), size_(size) {}
    /// From any contiguous container with data() and size() (std::vector, std::array).
    template <class C, class = std::enable_if_t<std::is_convertible_v<decltype(std::declval<C&>().data()), T*>>>
    constexpr span(C& c) noexcept : data_(c.data()), size_(c.size()) {}
    /// A whole array.
    template <std::size_t N>
    constexpr span(T (&a)[N]) noexcept : data_(a), size_(N) {}

    /// The first element's address.
    constexpr T* data() const noexcept { return data_; }
    /// The number of elements.
    constexpr std::size_t size() const noexcept { return size_; }
    /// True when there is no element.
    constexpr bool empty() const noexcept { return size_ == 0; }
    /// The first element's address.
    constexpr T* begin() const noexcept { return data_; }
    /// Past the last element.
    constexpr T* end() const noexcept { return data_ + size_; }
    /// The i-th element (i < size()).
    constexpr T& operator[](std::size_t i) const noexcept { return data_[i]; }
    /// The first element (not empty()).
    constexpr T& front() const noexcept { return data_[0]; }

private:
    T* data_ = nullptr;
    std::size_t size_ = 0;
};

/// Element-wise equality.
template <class T, class U>
constexpr bool operator==(span<T> a, span<U> b) noexcept {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (!(a[i] == b[i])) return false;
    return true;
}
/// Element-wise inequality.
template <class T, class U>
constexpr bool operator!=(span<T> a, span<U> b) noexcept { return !(a == b); }

}  // namespace xstanza

#endif  // XSTANZA_MODEL_SPAN_HPP
