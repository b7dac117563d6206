#!/usr/bin/env python3
"""Records how the real sofia-sip (FreeSWITCH's SIP stack) parses `Reason` header values, for
the differential test of cause-core's parser (tests/test_sofia_reason.rs). The inputs are the
project's fuzz seeds and kept findings (tests/fuzz/, those of the reason_sofia target
included) and a fixed set of generated values; for
each, sofia-sip's `msg_header_make` with `sip_reason_class` either refuses it (null) or gives
each value's protocol, `cause` and `text` as it stores them. Writes JSON to stdout."""

import ctypes
import itertools
import json
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent


class Reason(ctypes.Structure):
    pass


# sip_reason_t: the common header fragment (msg_common_t: h_succ, h_prev, h_class, h_data,
# h_len), then re_next, re_protocol, re_params, re_cause, re_text (sofia-sip/sip.h).
Reason._fields_ = [
    ("h_succ", ctypes.c_void_p),
    ("h_prev", ctypes.c_void_p),
    ("h_class", ctypes.c_void_p),
    ("h_data", ctypes.c_void_p),
    ("h_len", ctypes.c_size_t),
    ("re_next", ctypes.POINTER(Reason)),
    ("re_protocol", ctypes.c_char_p),
    ("re_params", ctypes.c_void_p),
    ("re_cause", ctypes.c_char_p),
    ("re_text", ctypes.c_char_p),
]


def text(value):
    return None if value is None else value.decode("utf-8", "surrogateescape")


def parser():
    lib = ctypes.CDLL("libsofia-sip-ua.so.0")
    reason_class = ctypes.addressof(ctypes.c_char.in_dll(lib, "sip_reason_class"))
    make = lib.msg_header_make
    make.restype = ctypes.c_void_p
    make.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_char_p]

    def parse(value):
        # No memory home: sofia-sip allocates with malloc; the recorder is short-lived.
        header = make(None, reason_class, value.encode("utf-8"))
        if not header:
            return None
        values = []
        reason = ctypes.cast(header, ctypes.POINTER(Reason))
        while reason:
            fields = reason.contents
            values.append({
                "protocol": text(fields.re_protocol),
                "cause": text(fields.re_cause),
                "text": text(fields.re_text),
            })
            reason = fields.re_next
        return values

    return parse


def generated():
    """Values made of the parts RFC 3326 and its users combine, and of near misses."""
    protocols = ["SIP", "Q.850", "sip", "X-Thing", "Q.850 ", ""]
    causes = ["486", "200", "16", "0", "0486", "65535", "65536", "abc", "-1", "4x6", ""]
    texts = ['"Busy Here"', '"say \\"no\\""', '""', '"é"', "unquoted", '"open']
    for protocol, cause in itertools.product(protocols, causes):
        yield f"{protocol};cause={cause}"
    for protocol, quoted in itertools.product(protocols[:3], texts):
        yield f"{protocol};cause=486;text={quoted}"
        yield f"{protocol} ; text = {quoted} ; cause = 486"
    for extra in [";location=LN", ";x", ";", ";=", ";cause=1", ";cause=2;cause=3", ";text"]:
        yield f"Q.850;cause=16{extra}"
    for separator in [",", ", ", " ,", ",,"]:
        yield f'SIP;cause=200;text="Call completed elsewhere"{separator}Q.850;cause=26'
    yield from ["SIP", " SIP", "SIP ", ";cause=1", "SIP;;cause=1", "SIP;cause=486\r\n ;text=\"x\""]
    # Each of cause-core's refusals, once: a name, a value or a text no token or quoted string
    # holds, a parameter twice, an empty one, a quote left open, what follows a value.
    yield from [
        'SIP;text="a";text="b"', 'SIP;text="a\x01b"', 'SIP;text="a\x7fb"', 'SIP;text="a\tb"',
        'S$P;cause=1', 'SIP;x=$', 'SIP;x=', 'SIP;=x', 'SIP;cause=1;', 'SIP;cause=1 x', 'SIP x',
        'SIP;x="unterminated', 'SIP;cause=99999999999999999999', 'SIP;cause= 486',
        'SIP;cause=486;x="y"', 'SIP;cause', 'SIP;cause;text="x"', 'SIP\r', 'SIP;cause=1\n',
        'SIP ;cause=1\r;text="x"', 'SIP,', 'SIP;x=[::1]', 'SIP;x=[::1]y', 'SIP;x=[]',
    ]
    # A folded line with nothing on it (two line breaks in one run of white space), in each
    # place white space may be, and one fold in each of two places, which is allowed.
    yield from [
        'SIP\r\n \r\n ;cause=1', 'SIP; \r\n \r\n cause=1', 'SIP;cause= \r\n\t\r\n\t1',
        'SIP;cause=1\r\n \r\n ', '\r\n \r\n SIP', 'SIP;cause=1, \r\n \r\n Q.850',
        'SIP\r\n ;\r\n cause=1',
    ]


def inputs():
    files = []
    # The seeds, and what the reason and reason_sofia fuzz targets found and kept.
    for folder in ["seeds/reason", "regressions/reason", "regressions/reason_sofia"]:
        path = ROOT / "tests/fuzz" / folder
        if path.is_dir():
            files += sorted(p for p in path.iterdir() if p.is_file())
    seen = set()
    # Bytes as they are: read_text would turn a CR into a newline.
    for value in [f.read_bytes().decode("utf-8") for f in files] + list(generated()):
        if value not in seen:
            seen.add(value)
            yield value


def main():
    version = subprocess.run(
        ["dpkg-query", "-W", "-f=${Version}", "libsofia-sip-ua0"],
        check=True, capture_output=True, text=True,
    ).stdout
    parse = parser()
    recording = {
        "package": "libsofia-sip-ua0",
        "version": version,
        "values": [{"input": value, "sofia": parse(value)} for value in inputs()],
    }
    json.dump(recording, sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
