// parse/expat: one XML_Parser reused through XML_ParserReset (no namespace processing:
// xmlns attributes are read like the DOM adapters read them), the walk as SAX callbacks.
// Expat does not modify the input, so nothing is copied.
//
// A <message/> or <presence/> is walked in the same order as the DOM walks (bodies before
// subjects, the typed extensions before the others): its parts are copied as they arrive
// into reused slots and fed at its end tag.
//
// XML_ParserReset clears the hash salt, and expat then reads fresh entropy for every
// document (a getrandom() system call per stanza). A receiver parses a whole stream
// with one parser and so salts once: the adapter draws one salt at construction and
// sets it after each reset, which keeps the per-stanza cost comparable.
#ifndef XSTANZA_BENCH_IMPL_EXPAT_HPP
#define XSTANZA_BENCH_IMPL_EXPAT_HPP

#include <cstring>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <expat.h>

#include "walk.hpp"

namespace xstanza_bench {

class expat_impl {
public:
    static constexpr bool decodes = true;

    expat_impl() : parser_(XML_ParserCreate("UTF-8")), salt_(std::random_device{}() | 1u) {}
    ~expat_impl() { XML_ParserFree(parser_); }
    expat_impl(const expat_impl&) = delete;
    expat_impl& operator=(const expat_impl&) = delete;

    template <class D>
    bool parse(const std::string& input, corpus_kind /*kind*/, D& d) {
        if (!XML_ParserReset(parser_, "UTF-8")) return false;
        XML_SetHashSalt(parser_, salt_);
        XML_SetUserData(parser_, this);
        XML_SetElementHandler(parser_, &expat_impl::on_start<D>, &expat_impl::on_end<D>);
        XML_SetCharacterDataHandler(parser_, &expat_impl::on_text);
        d_ = &d;
        depth_ = 0;
        ok_ = true;
        seen_payload_ = seen_error_ = in_roster_ = in_item_ = in_error_ = false;
        collect_ = collect_none;
        error_ = error_fields{};
        root_ = root_iq;
        parts_used_ = 0;
        seen_typed_ = in_muc_x_ = false;
        show_ = priority_ = 0;
        if (XML_Parse(parser_, input.data(), int(input.size()), 1) != XML_STATUS_OK) return false;
        return ok_ && depth_ == 0;
    }

private:
    enum collect_kind { collect_none, collect_group, collect_text };
    struct error_fields {
        unsigned type = no_match, condition = no_match;
        bool has_text = false;  // the text and its xml:lang are in error_text_, error_lang_
    };

    static expat_impl& self(void* p) noexcept { return *static_cast<expat_impl*>(p); }

    void fail() noexcept {
        ok_ = false;
        XML_StopParser(parser_, XML_FALSE);
    }

    template <class D>
    static void on_start(void* user, const XML_Char* name_c, const XML_Char** atts) {
        expat_impl& s = self(user);
        if (!s.ok_) return;
        const std::string_view name(name_c);
        D& d = *static_cast<D*>(s.d_);
        ++s.depth_;
        if (s.depth_ == 1 && (name == "message" || name == "presence")) return s.stanza_start(name, atts, d);
        if (s.root_ != root_iq) return s.stanza_child(name, atts);
        if (s.depth_ == 1) {
            if (name != "iq") return s.fail();
            header_fields h;
            s.iq_ns_.clear();
            for (const XML_Char** a = atts; *a; a += 2) {
                std::string_view n(a[0]), v(a[1]);
                if (n == "xmlns") s.iq_ns_.assign(v);
                else h.attribute(n, v);
            }
            if (!h.feed(d)) return s.fail();
        } else if (s.depth_ == 2) {
            if (name == "error") {
                if (s.seen_error_) return;
                s.seen_error_ = s.in_error_ = true;
                s.error_ns_ = s.iq_ns_;
                for (const XML_Char** a = atts; *a; a += 2) {
                    std::string_view n(a[0]), v(a[1]);
                    if (n == "type") s.error_.type = lookup(error_types, v);
                    else if (n == "xmlns") s.error_ns_.assign(v);
                }
                return;
            }
            if (s.seen_payload_) return;
            s.seen_payload_ = true;
            std::string_view ns = s.iq_ns_, ver;
            bool has_ver = false;
            for (const XML_Char** a = atts; *a; a += 2) {
                std::string_view n(a[0]), v(a[1]);
                if (n == "xmlns") ns = v;
                else if (n == "ver") { ver = v; has_ver = true; }
            }
            d.str(name);
            d.str(ns);
            s.in_roster_ = name == "query" && ns == roster_ns;
            if (s.in_roster_ && has_ver) d.str(ver);
        } else if (s.depth_ == 3 && s.in_roster_) {
            if (name != "item") return s.fail();
            item_fields f;
            for (const XML_Char** a = atts; *a; a += 2)
                if (!f.attribute(a[0], a[1])) return s.fail();
            if (!f.feed(d)) return s.fail();
            s.in_item_ = true;
        } else if (s.depth_ == 3 && s.in_error_) {
            std::string_view ns = s.error_ns_, lang;
            for (const XML_Char** a = atts; *a; a += 2) {
                std::string_view n(a[0]), v(a[1]);
                if (n == "xmlns") ns = v;
                else if (n == "xml:lang") lang = v;
            }
            if (ns != stanzas_ns) return;  // an application-specific condition: not walked
            if (name == "text") {
                s.error_.has_text = true;
                s.error_lang_.assign(lang);
                s.text_.clear();
                s.collect_ = collect_text;
                return;
            }
            s.error_.condition = lookup(conditions, name);
            if (s.error_.condition == no_match) return s.fail();
        } else if (s.depth_ == 4 && s.in_item_) {
            if (name != "group") return s.fail();
            s.text_.clear();
            s.collect_ = collect_group;
        }
    }

    static void on_text(void* user, const XML_Char* text, int len) {
        expat_impl& s = self(user);
        if (s.collect_ != collect_none) s.text_.append(text, std::size_t(len));
    }

    template <class D>
    static void on_end(void* user, const XML_Char* /*name*/) {
        expat_impl& s = self(user);
        if (!s.ok_) return;
        D& d = *static_cast<D*>(s.d_);
        if (s.root_ != root_iq) {
            s.stanza_end(d);
            --s.depth_;
            return;
        }
        if (s.collect_ == collect_group && s.depth_ == 4) {
            if (s.text_.empty()) return s.fail();  // RFC 6121 §2.3.3: group names are non-empty
            d.str(s.text_);
            s.collect_ = collect_none;
        } else if (s.collect_ == collect_text && s.depth_ == 3) {
            s.error_text_.swap(s.text_);  // kept for the end of the stanza; both keep their capacity
            s.collect_ = collect_none;
        } else if (s.depth_ == 3) {
            s.in_item_ = false;
        } else if (s.depth_ == 2) {
            s.in_roster_ = s.in_error_ = false;
        } else if (s.depth_ == 1 && s.seen_error_) {
            // Fed last, whatever the document order, as the DOM walks do.
            const error_fields& e = s.error_;
            if (e.type == no_match || e.condition == no_match) return s.fail();
            d.tag(e.type);
            d.tag(e.condition);
            if (e.has_text) d.str(s.error_text_);
            if (e.has_text && !s.error_lang_.empty()) d.str(s.error_lang_);
        }
        --s.depth_;
    }

    // ---- <message/> and <presence/>
    enum root_kind { root_iq, root_message, root_presence };
    /// One part of a message or presence, copied: its kind (walk.hpp's part_tag), up to
    /// four strings (each present or not) and up to two enumerated values.
    struct part {
        unsigned kind = 0;
        std::string s[4];
        bool has[4] = {};
        unsigned t[2] = {};
    };

    part& new_part(unsigned kind) {
        if (parts_used_ == parts_.size()) parts_.emplace_back();
        part& p = parts_[parts_used_++];
        p.kind = kind;
        for (bool& h : p.has) h = false;
        return p;
    }
    static void set(part& p, int i, std::string_view v) {
        p.s[i].assign(v);
        p.has[i] = true;
    }
    static std::string_view own_ns(const XML_Char** atts, std::string_view inherited) noexcept {
        for (const XML_Char** a = atts; *a; a += 2)
            if (std::string_view(a[0]) == "xmlns") return a[1];
        return inherited;
    }

    template <class D>
    void stanza_start(std::string_view name, const XML_Char** atts, D& d) {
        root_ = name == "message" ? root_message : root_presence;
        iq_ns_.clear();
        stanza_header<5> mh(message_types);
        stanza_header<8> ph(presence_types);
        for (const XML_Char** a = atts; *a; a += 2) {
            std::string_view n(a[0]), v(a[1]);
            if (n == "xmlns") iq_ns_.assign(v);
            else if (root_ == root_message) mh.attribute(n, v);
            else ph.attribute(n, v);
        }
        if (!(root_ == root_message ? mh.feed(d, message_tag) : ph.feed(d, presence_tag))) return fail();
    }

    void stanza_child(std::string_view name, const XML_Char** atts) {
        if (depth_ == 3 && in_muc_x_) {
            if (name != "item" || own_ns(atts, muc_user_ns) != muc_user_ns) return;
            muc_item_fields f;
            for (const XML_Char** a = atts; *a; a += 2) f.attribute(a[0], a[1]);
            part& p = new_part(part_muc_item);
            p.t[0] = f.affiliation;
            p.t[1] = f.role;
            if (f.has_jid) set(p, 0, f.jid);
            if (f.has_nick) set(p, 1, f.nick);
            return;
        }
        if (depth_ != 2) return;
        const std::string_view ns = own_ns(atts, iq_ns_);
        const bool message = root_ == root_message;
        if (ns == iq_ns_) {
            unsigned kind = 0;
            if (message && name == "body") kind = part_body;
            else if (message && name == "subject") kind = part_subject;
            else if (message && name == "thread") kind = part_thread;
            else if (!message && name == "status") kind = part_status;
            else if (!message && name == "show") kind = show_slot;
            else if (!message && name == "priority") kind = priority_slot;
            else return;
            part& p = new_part(kind);
            for (const XML_Char** a = atts; *a; a += 2) {
                std::string_view n(a[0]), v(a[1]);
                if (n == "xml:lang") set(p, 1, v);
                else if (n == "parent" && kind == part_thread) set(p, 1, v);
            }
            text_.clear();
            collect_ = collect_text;
            return;
        }
        if (!seen_typed_ && ((message && name == "delay" && ns == delay_ns) || (!message && name == "c" && ns == caps_ns))) {
            seen_typed_ = true;
            part& p = new_part(message ? part_delay : part_caps);
            for (const XML_Char** a = atts; *a; a += 2) {
                std::string_view n(a[0]), v(a[1]);
                if (n == (message ? "stamp" : "hash")) set(p, 0, v);
                else if (n == (message ? "from" : "node")) set(p, 1, v);
                else if (!message && n == "ver") set(p, 2, v);
                else if (!message && n == "ext") set(p, 3, v);
            }
            return;
        }
        part& p = new_part(part_extension);
        set(p, 0, name);
        set(p, 1, ns);
        in_muc_x_ = !message && name == "x" && ns == muc_user_ns;
    }

    template <class D>
    void stanza_end(D& d) {
        if (depth_ == 2) {
            if (collect_ == collect_text) {
                part& p = parts_[parts_used_ - 1];
                set(p, 0, text_);
                if (p.kind == show_slot) show_ = lookup(shows, text_);
                else if (p.kind == priority_slot) priority_ = priority_tag(text_);
                if (show_ == no_match || priority_ == no_match) return fail();
                collect_ = collect_none;
            }
            in_muc_x_ = false;
            return;
        }
        if (depth_ != 1) return;
        // The end of the stanza: its parts in the walk's order.
        const auto each = [&](unsigned kind, auto f) {
            for (std::size_t i = 0; i < parts_used_; ++i)
                if (parts_[i].kind == kind) f(parts_[i]);
        };
        const auto texts = [&](unsigned kind) {
            each(kind, [&](const part& p) { feed_text(d, kind, p.s[0], p.has[1] ? std::string_view(p.s[1]) : std::string_view()); });
        };
        bool ok = true;
        if (root_ == root_message) {
            texts(part_body);
            texts(part_subject);
            each(part_thread, [&](const part& p) {
                d.tag(part_thread);
                d.str(p.s[0]);
                d.tag(p.has[1] ? 1u : 0u);
                if (p.has[1]) d.str(p.s[1]);
            });
            each(part_delay, [&](const part& p) {
                delay_fields f;
                f.stamp = p.s[0];
                f.has_from = p.has[1];
                f.from = p.s[1];
                ok &= f.feed(d);
            });
        } else {
            d.tag(show_);
            d.tag(priority_);
            texts(part_status);
            each(part_caps, [&](const part& p) {
                caps_fields f;
                f.hash = p.s[0];
                f.node = p.s[1];
                f.ver = p.s[2];
                f.ext = p.s[3];
                f.has_ext = p.has[3];
                ok &= f.feed(d);
            });
        }
        for (std::size_t i = 0; i < parts_used_; ++i) {  // the other extensions, in document order
            const part& p = parts_[i];
            if (p.kind == part_extension) {
                feed_extension(d, p.s[0], p.s[1]);
            } else if (p.kind == part_muc_item) {
                muc_item_fields f;
                f.affiliation = p.t[0];
                f.role = p.t[1];
                f.has_jid = p.has[0];
                f.jid = p.s[0];
                f.has_nick = p.has[1];
                f.nick = p.s[1];
                ok &= f.feed(d);
            }
        }
        if (!ok) fail();
    }

    static constexpr unsigned show_slot = 100, priority_slot = 101;  // parts not fed as parts

    root_kind root_ = root_iq;
    std::vector<part> parts_;
    std::size_t parts_used_ = 0;
    bool seen_typed_ = false, in_muc_x_ = false;
    unsigned show_ = 0, priority_ = 0;

    XML_Parser parser_;
    unsigned long salt_;
    void* d_ = nullptr;  // the D of parse<D>(), which set the handlers that read it
    int depth_ = 0;
    bool ok_ = true;
    bool seen_payload_ = false, seen_error_ = false;
    bool in_roster_ = false, in_item_ = false, in_error_ = false;
    collect_kind collect_ = collect_none;
    error_fields error_;
    std::string iq_ns_, error_ns_, text_, error_text_, error_lang_;
};

}  // namespace xstanza_bench

#endif  // XSTANZA_BENCH_IMPL_EXPAT_HPP
