// xstanza: what a parameter that is kept as a view refuses. The model's strings are
// std::string_views into a buffer the caller keeps alive; a temporary std::string handed where
// a view is kept is destroyed at the end of the statement and leaves the view dangling, so the
// functions and constructors that keep one have an overload for it that does not compile.
#ifndef XSTANZA_MODEL_DETAIL_VIEWS_HPP
#define XSTANZA_MODEL_DETAIL_VIEWS_HPP

#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>

namespace xstanza {
namespace detail {

/// An argument deduced as A&& is a temporary std::string (an lvalue deduces A = std::string&).
template <class A>
inline constexpr bool is_temporary_string_v = std::is_same_v<std::remove_cv_t<A>, std::string>;
template <class... A>
inline constexpr bool any_temporary_string_v = (is_temporary_string_v<A> || ...);
template <class... A>
inline constexpr bool all_views_v = (std::is_convertible_v<A, std::string_view> && ...);

/// false, for a static_assert that fires only when its template is used.
template <class...>
inline constexpr bool dependent_false_v = false;

}  // namespace detail

/// A std::string_view the model keeps: a stanza's id, an error's text, a contact's name. It is
/// a std::string_view (derived from it: every member, comparison and conversion works, and it
/// converts from whatever a std::string_view does) except that it refuses a temporary
/// std::string, which is destroyed at the end of the statement and would leave it dangling:
/// `error.text = make_text();` does not compile; keep the string in a variable that outlives
/// the stanza and assign that.
class kept_view : public std::string_view {
public:
    constexpr kept_view() noexcept = default;
    constexpr kept_view(std::string_view v) noexcept : std::string_view(v) {}
    constexpr kept_view(const char* p, std::size_t n) noexcept : std::string_view(p, n) {}
    template <class S, std::enable_if_t<std::is_convertible_v<S, std::string_view> &&
                                            !std::is_base_of_v<std::string_view, std::decay_t<S>>,
                                        int> = 0>
    constexpr kept_view(S&& s) noexcept : std::string_view(s) {
        static_assert(!detail::is_temporary_string_v<S>,
                      "a temporary std::string where xstanza keeps a std::string_view (an id, a text, a name): "
                      "it is destroyed at the end of the statement and the view would dangle; keep the string "
                      "in a variable that outlives the stanza");
    }
};

}  // namespace xstanza

#endif  // XSTANZA_MODEL_DETAIL_VIEWS_HPP
