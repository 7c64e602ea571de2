#!/usr/bin/env python3
"""Regenerates the fuzzers' seed corpora and dictionaries from the test vectors.

    python3 tests/fuzz/make_seeds.py          # rewrite tests/fuzz/corpus/ and tests/fuzz/*.dict
    python3 tests/fuzz/make_seeds.py --check  # exit 1 if they are stale

Seeds: every case of tests/adversarial/*.txt (format: tests/adversarial/README.md) up to
4 KiB, valid and invalid alike (an invalid stanza is one mutation away from a valid one).
The XML targets get the stanzas; fuzz_jid gets the JID cases and every JID-valued
attribute (to, from, jid, by) found in the stanzas; fuzz_stream gets each stanza inside a
stream (header, the stanza, a keepalive, the closing tag), and runs of consecutive ones.
File names are the SHA-1 of the content, as libFuzzer names the inputs it saves.
fuzz_stream's dictionary is written by hand, not here. fuzz_expat (the differential target
against expat) gets the XML targets' seeds and dictionary, plus the example stanzas of
tests/vectors/ and a few inputs that reach each exception of tests/support/expat_oracle.hpp.
fuzz_simd_paths (every vector path against the others) gets the stanzas and the JIDs, and
both dictionaries.
"""
import hashlib
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
VECTORS = os.path.join(HERE, '..', 'adversarial')
EXAMPLES = os.path.join(HERE, '..', 'vectors')
XML_TARGETS = ['fuzz_parse_any', 'fuzz_parse_typed', 'fuzz_roundtrip', 'fuzz_check']
JID_TARGET = 'fuzz_jid'
STREAM_TARGET = 'fuzz_stream'
EXPAT_TARGET = 'fuzz_expat'
SIMD_TARGET = 'fuzz_simd_paths'
# One input per exception of tests/support/expat_oracle.hpp, and XML that XMPP allows but the
# vectors rarely hold (CDATA, line ends, prefixed attributes, mixed content).
EXPAT_EXTRA = [
    b"<a><!--c--></a>", b"<!--c--><a/>", b"<a/><!--c-->", b"<a><?pi x?></a>", b"<?xml version='1.0'?><a/>",
    b"<!DOCTYPE a [<!ENTITY e 'x'>]><a>&e;</a>", b"\xef\xbb\xbf<a/>",
    b"<a><b><c><d><e><f><g><h><i><j><k><l><m><n><o><p><q/></p></o></n></m></l></k></j></i></h></g></f></e></d></c></b></a>",
    b"<a a='' b='' c='' d='' e='' f='' g='' h='' i='' j='' k='' l='' m=''/>",
    b"<a xmlns:a='1' xmlns:b='2' xmlns:c='3'><b xmlns:d='4' xmlns:e='5' xmlns:f='6'><c xmlns:g='7'/></b></a>",
    b"<a xmlns:p='urn:&#x61;' xmlns:q='urn:a' p:x='' q:x=''/>",
    b"<a xmlns='http://www.w3.org/XML/1998/&#x6E;amespace'/>",
    b"<a xmlns:xml='http://www.w3.org/XML/1998/&#x6E;amespace'/>",
    b"<a\xf0\x90\x80\x80 b\xc8\xa1='1'/>",
    b"<a><![CDATA[x\r\ny]]>&#13;\r\n<b/>z&amp;<![CDATA[]]]]><c/></a>",
    b"<a>\r\r&amp;</a>",
    b"<p:a xmlns:p='u' xmlns='v' p:x='1\t2&#9;' xml:lang='en' y=\"&lt;&quot;\"><b xmlns=''>t</b></p:a>",
]
STREAM_HEADER = (b"<?xml version='1.0'?><stream:stream xmlns='jabber:client' "
                 b"xmlns:stream='http://etherx.jabber.org/streams' from='example.com' id='s1' version='1.0'>")
STREAM_END = b'</stream:stream>'
MAX_SEED = 4096


class TooBig(Exception):
    pass


def decode(s, i=0, index=None, nested=False):
    """The escapes of tests/adversarial/README.md; returns (bytes, next index)."""
    out = bytearray()
    while i < len(s):
        c = s[i]
        i += 1
        if c != '\\':
            out += c.encode('utf-8')
            continue
        e = s[i]
        i += 1
        if e in 'nrt0s\\':
            out += {'n': b'\n', 'r': b'\r', 't': b'\t', '0': b'\0', 's': b' ', '\\': b'\\'}[e]
        elif e == '#':
            out += str(index).encode()
        elif e == 'x':
            out.append(int(s[i:i + 2], 16))
            i += 2
        elif e == '(':
            colon = s.index(':', i)
            n = int(s[i:colon])
            body = colon + 1
            _, i = decode(s, body, 0, True)  # where the repetition ends
            for k in range(n):
                out += decode(s, body, k, True)[0]
                if len(out) > MAX_SEED:
                    raise TooBig()
        elif e == ')':
            assert nested, 'unmatched \\)'
            return bytes(out), i
        else:
            raise ValueError('unknown escape \\' + e)
    assert not nested, '\\( without \\)'
    return bytes(out), i


def cases():
    for name in sorted(os.listdir(VECTORS)):
        if not name.endswith('.txt'):
            continue
        with open(os.path.join(VECTORS, name), encoding='utf-8') as f:
            for line in f:
                line = line.rstrip('\n').rstrip('\r')
                if not line or line.startswith('#'):
                    continue
                parts = line.split(' ', 2)
                target = parts[1].split(';')[0]
                try:
                    data, _ = decode(parts[2] if len(parts) > 2 else '')
                except TooBig:
                    continue
                if len(data) <= MAX_SEED:
                    yield target, data


JID_ATTR = re.compile(rb"""\b(?:to|from|jid|by)\s*=\s*(?:'([^'<&]*)'|"([^"<&]*)")""")

XMPP_TOKENS = [
    # markup
    '<', '>', '/>', '</', '=', "'", '"', ' ', ':', '<![CDATA[', ']]>', '<!--', '-->', '<?', '?>',
    '<?xml version=\'1.0\'?>', '<!DOCTYPE', '<!ENTITY', '<!ATTLIST', '<!ELEMENT', ' SYSTEM ', '[', ']',
    # elements
    'iq', '<iq', '</iq>', 'query', '<query', '</query>', 'item', '<item', '</item>', 'group', '<group>',
    '</group>', 'error', '<error', '</error>', 'text', '<text', '</text>', 'ping', 'bind', 'resource',
    'message', 'presence', 'stream:stream',
    '<message', '</message>', '<presence', '</presence>', 'body', '<body>', '</body>', '<body xml:lang=',
    'subject', '<subject>', '</subject>', 'thread', '<thread>', '</thread>', '<thread parent=', 'show', '<show>',
    '</show>', 'status', '<status>', '</status>', '<status xml:lang=', 'priority', '<priority>', '</priority>',
    'request', '<request xmlns=\'urn:xmpp:receipts\'/>', 'c', 'active',
    # attributes
    'type=', 'id=', 'from=', 'to=', 'xml:lang=', 'xmlns=', 'xmlns:', 'jid=', 'name=', 'subscription=',
    'ask=', 'approved=', 'ver=', 'by=', 'code=', 'xml:', 'xmlns:xml=', 'xmlns:xmlns=', 'parent=', 'hash=', 'node=',
    # values
    'get', 'set', 'result', 'error', 'auth', 'cancel', 'continue', 'modify', 'wait', 'none', 'to', 'from',
    'both', 'remove', 'subscribe', 'true', 'false', '0', '1', '404', '503', 'en',
    'chat', 'groupchat', 'headline', 'normal', 'unavailable', 'subscribed', 'unsubscribe', 'unsubscribed', 'probe',
    'available', 'away', 'dnd', 'xa', '-128', '127', '128', '-129', '+', '-', 'de', 'EN', 'en-GB', 'x-', 'sha-1',
    # namespaces
    'jabber:client', 'jabber:server', 'jabber:iq:roster', 'urn:ietf:params:xml:ns:xmpp-stanzas',
    'urn:xmpp:ping', 'jabber:iq:version', 'http://www.w3.org/XML/1998/namespace',
    'urn:xmpp:receipts', 'http://jabber.org/protocol/caps', 'http://jabber.org/protocol/chatstates',
    'http://www.w3.org/2000/xmlns/', 'http://etherx.jabber.org/streams',
    # the 22 conditions (RFC 6120 §8.3.3)
    'bad-request', 'conflict', 'feature-not-implemented', 'forbidden', 'gone', 'internal-server-error',
    'item-not-found', 'jid-malformed', 'not-acceptable', 'not-allowed', 'not-authorized',
    'policy-violation', 'recipient-unavailable', 'redirect', 'registration-required',
    'remote-server-not-found', 'remote-server-timeout', 'resource-constraint', 'service-unavailable',
    'subscription-required', 'undefined-condition', 'unexpected-request',
    # entities and references
    '&lt;', '&gt;', '&amp;', '&quot;', '&apos;', '&nbsp;', '&', ';', '&#', '&#x', '&#0;', '&#9;', '&#10;',
    '&#13;', '&#x41;', '&#xD800;', '&#xFFFE;', '&#x10FFFF;', '&#x110000;',
]
XMPP_BYTES = [
    b'\xef\xbb\xbf',      # BOM
    b'\xc3\xa9',          # U+00E9
    b'\xe2\x98\x83',      # U+2603
    b'\xf0\x9f\x98\x80',  # U+1F600
    b'\xc0\x80',          # overlong NUL
    b'\xed\xa0\x80',      # surrogate
    b'\xef\xbf\xbe',      # U+FFFE
    b'\xf4\x90\x80\x80',  # above U+10FFFF
    b'\x00', b'\x01', b'\x7f', b'\xc2\x85',
]
JID_TOKENS = ['@', '/', '.', '[', ']', ':', '::', '-', 'example.com', 'juliet', 'balcony', '[::1]',
              '[2001:db8::192.0.2.1]', '192.0.2.1', 'xn--', '"', '&', "'", '<', '>', ' ']


def dict_entry(b):
    out = '"'
    for c in b:
        if 0x20 <= c < 0x7f and c not in (0x22, 0x5c):
            out += chr(c)
        else:
            out += '\\x%02X' % c
    return out + '"'


def dictionary(tokens, raw):
    lines = ['# Generated by tests/fuzz/make_seeds.py: XMPP tokens for libFuzzer (-dict=).']
    seen = set()
    for t in [x.encode('utf-8') for x in tokens] + raw:
        if t not in seen:
            seen.add(t)
            lines.append(dict_entry(t))
    return '\n'.join(lines) + '\n'


def wanted():
    """{relative path: bytes} of every generated file."""
    files = {}
    xml_seeds, jid_seeds = set(), set()
    for target, data in cases():
        if target == 'jid':
            jid_seeds.add(data)
        else:
            xml_seeds.add(data)
            for m in JID_ATTR.finditer(data):
                jid_seeds.add(m.group(1) if m.group(1) is not None else m.group(2))
    for t in XML_TARGETS:
        for d in xml_seeds:
            files[os.path.join('corpus', t, hashlib.sha1(d).hexdigest())] = d
        files[t + '.dict'] = dictionary(XMPP_TOKENS, XMPP_BYTES).encode()
    for d in jid_seeds:
        files[os.path.join('corpus', JID_TARGET, hashlib.sha1(d).hexdigest())] = d
    ordered = sorted(xml_seeds)
    streams = [STREAM_HEADER + d + b'\n ' + STREAM_END for d in ordered]
    streams += [STREAM_HEADER + b''.join(ordered[i:i + 4]) + STREAM_END for i in range(0, len(ordered), 4)]
    for d in streams:
        files[os.path.join('corpus', STREAM_TARGET, hashlib.sha1(d).hexdigest())] = d
    files[JID_TARGET + '.dict'] = dictionary(JID_TOKENS, XMPP_BYTES).encode()
    expat_seeds = set(xml_seeds) | set(EXPAT_EXTRA)
    for sub in ('valid', 'invalid'):
        folder = os.path.join(EXAMPLES, sub)
        for n in sorted(os.listdir(folder)):
            if n.endswith('.xml'):
                with open(os.path.join(folder, n), 'rb') as f:
                    expat_seeds.add(f.read())
    for d in expat_seeds:
        files[os.path.join('corpus', EXPAT_TARGET, hashlib.sha1(d).hexdigest())] = d
    files[EXPAT_TARGET + '.dict'] = dictionary(XMPP_TOKENS, XMPP_BYTES).encode()
    for d in xml_seeds | jid_seeds:
        files[os.path.join('corpus', SIMD_TARGET, hashlib.sha1(d).hexdigest())] = d
    files[SIMD_TARGET + '.dict'] = dictionary(XMPP_TOKENS + JID_TOKENS, XMPP_BYTES).encode()
    return files


def main():
    check = '--check' in sys.argv[1:]
    files = wanted()
    existing = set()  # only the corpora this script owns: other targets keep their own seeds
    for t in XML_TARGETS + [JID_TARGET, STREAM_TARGET, EXPAT_TARGET, SIMD_TARGET]:
        corpus = os.path.join(HERE, 'corpus', t)
        for root, _, names in os.walk(corpus):
            for n in names:
                existing.add(os.path.relpath(os.path.join(root, n), HERE))
    stale = sorted(existing - set(files))
    changed = [p for p, d in sorted(files.items())
               if not os.path.exists(os.path.join(HERE, p)) or open(os.path.join(HERE, p), 'rb').read() != d]
    if check:
        for p in (stale + changed)[:20]:
            print('stale: tests/fuzz/' + p)
        if stale or changed:
            print('%d stale file(s): run python3 tests/fuzz/make_seeds.py' % len(stale + changed))
        return 1 if stale or changed else 0
    for p in stale:
        os.remove(os.path.join(HERE, p))
    for p in changed:
        os.makedirs(os.path.dirname(os.path.join(HERE, p)) or HERE, exist_ok=True)
        with open(os.path.join(HERE, p), 'wb') as f:
            f.write(files[p])
    print('%d files written, %d removed, %d seeds per XML target, %d JID seeds, %d stream seeds, %d expat seeds' % (
        len(changed), len(stale), len([p for p in files if p.startswith(os.path.join('corpus', XML_TARGETS[0]))]),
        len([p for p in files if p.startswith(os.path.join('corpus', JID_TARGET))]),
        len([p for p in files if p.startswith(os.path.join('corpus', STREAM_TARGET))]),
        len([p for p in files if p.startswith(os.path.join('corpus', EXPAT_TARGET))])))
    return 0


if __name__ == '__main__':
    sys.exit(main())
