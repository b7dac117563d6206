#!/usr/bin/env python3
"""Records the reason phrase two C SIP stacks give every status code 100..=699, by calling the
real libraries (installed from Debian; see record-libraries.sh): sofia-sip's `sip_status_phrase`
(FreeSWITCH's stack) and libosip2's `osip_message_get_reason`. Writes JSON to stdout: for each
library its Debian package and version, and its phrase for each code it names (sofia-sip gives
an empty string for a code it does not name, libosip2 a null pointer: both are left out)."""

import ctypes
import json
import subprocess
import sys

CODES = range(100, 700)

LIBRARIES = [
    # (name, Debian package, shared object, function)
    ("sofia-sip", "libsofia-sip-ua0", "libsofia-sip-ua.so.0", "sip_status_phrase"),
    ("libosip2", "libosip2-15", "libosipparser2.so.15", "osip_message_get_reason"),
]


def version(package):
    out = subprocess.run(
        ["dpkg-query", "-W", "-f=${Version}", package],
        check=True, capture_output=True, text=True,
    )
    return out.stdout


def phrases(shared_object, function):
    lookup = getattr(ctypes.CDLL(shared_object), function)
    lookup.restype = ctypes.c_char_p
    lookup.argtypes = [ctypes.c_int]
    named = {}
    for code in CODES:
        phrase = lookup(code)
        if phrase:
            named[str(code)] = phrase.decode("utf-8")
    return named


def main():
    recording = {
        name: {
            "package": package,
            "version": version(package),
            "function": function,
            "phrases": phrases(shared_object, function),
        }
        for name, package, shared_object, function in LIBRARIES
    }
    json.dump(recording, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
