#!/usr/bin/env python3
"""Records what Wireshark (Debian's tshark) says, for tests/recorded/wireshark-VERSION.json:

- "fields": the value strings of the dissector fields the Reason protocols' tables mirror
  (`tshark -G values`): the names Wireshark gives EMM, ESM, 5GMM and 5GSM causes, S1AP and NGAP
  cause enumerations, Diameter result codes and IKEv2 notify types. Each entry as tshark prints
  it: [value, "string"], or ["R", low, high, "string"] for a range. "blocks" gives, for a field a
  dissector registers twice under one name (isakmp.notify.msgtype: IKEv1's table, then IKEv2's),
  how many entries each registration holds.
- "reason": how Wireshark's SIP dissector reads each value of the project's Reason corpus (the
  values of scripts/record_reason.py, which sofia-sip is recorded reading too), each sent as the
  `Reason` header of a BYE in a capture file that tshark decodes: the protocols, causes and text
  it shows (sip.reason_protocols, sip.reason_cause_q850, sip.reason_cause_sip,
  sip.reason_cause_other, sip.reason_text), every occurrence in order.

Standard library only; the output is deterministic. scripts/record-libraries.sh runs it.
"""

import json
import os
import struct
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import record_reason  # noqa: E402  the corpus

# The fields the tables mirror.
FIELDS = (
    "nas_eps.emm.cause",
    "nas_eps.esm.cause",
    "nas_5gs.mm.5gmm_cause",
    "nas_5gs.sm.5gsm_cause",
    "s1ap.radioNetwork",
    "s1ap.transport",
    "s1ap.nas",
    "s1ap.misc",
    "s1ap.protocol",
    "ngap.radioNetwork",
    "ngap.transport",
    "ngap.nas",
    "ngap.misc",
    "ngap.protocol",
    "diameter.Result-Code",
    "diameter.Experimental-Result-Code",
    "diameter.Termination-Cause",
    "gtpv2.ran_nas.diameter_cause",
    "gtpv2.ran_nas.ikev2_cause",
    "isakmp.notify.msgtype",
)

# The SIP dissector's fields for a Reason header's parts.
REASON_FIELDS = (
    "sip.reason_protocols",
    "sip.reason_cause_q850",
    "sip.reason_cause_sip",
    "sip.reason_cause_other",
    "sip.reason_text",
)


def tshark(*args):
    return subprocess.run(["tshark", *args], check=True, capture_output=True, text=True).stdout


def value_strings():
    """`tshark -G values` for FIELDS: {abbrev: entries}, {abbrev: block sizes} (twice only)."""
    fields = {name: [] for name in FIELDS}
    blocks = {name: [] for name in FIELDS}
    previous_low = {}
    last = None
    for line in tshark("-G", "values").split("\n"):
        tag, _, rest = line.partition("\t")
        if tag not in ("V", "V64", "R", "E", "T", "U") or not rest:
            # A value string with a line break in it goes on here.
            if last is not None and line:
                last[-1] += "\n" + line
            continue
        last = None
        name = rest.split("\t", 1)[0]
        if name not in fields:
            continue
        if tag == "E":
            blocks[name].append(0)
            continue
        if tag not in ("V", "V64", "R"):
            continue
        if tag == "R":
            _, low, high, string = rest.split("\t", 3)
            entry = ["R", int(low, 0), int(high, 0), string]
            # A range_string table ascends: a lower start begins the next registration.
            if not blocks[name] or entry[1] < previous_low.get(name, -1):
                blocks[name].append(0)
            previous_low[name] = entry[1]
        else:
            _, value, string = rest.split("\t", 2)
            entry = [int(value, 0), string]
            if not blocks[name]:
                blocks[name].append(0)
        blocks[name][-1] += 1
        fields[name].append(entry)
        last = entry
    missing = [name for name, entries in fields.items() if not entries]
    if missing:
        sys.exit("tshark has no value strings for: " + ", ".join(missing))
    return fields, {name: sizes for name, sizes in blocks.items() if len(sizes) > 1}


def sip_bye(number, reason):
    return (
        f"BYE sip:bob@127.0.0.1:5060 SIP/2.0\r\n"
        f"Via: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKwireshark{number}\r\n"
        f"From: <sip:alice@127.0.0.1>;tag=a{number}\r\n"
        f"To: <sip:bob@127.0.0.1>;tag=b{number}\r\n"
        f"Call-ID: wireshark-{number}@127.0.0.1\r\n"
        f"CSeq: 2 BYE\r\n"
        f"Reason: {reason}\r\n"
        f"Content-Length: 0\r\n\r\n"
    ).encode("utf-8")


def ipv4_udp(payload):
    """An IPv4 packet from 127.0.0.1:5060 to 127.0.0.1:5060 carrying `payload` over UDP."""
    udp = struct.pack("!HHHH", 5060, 5060, 8 + len(payload), 0) + payload
    header = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(udp), 0, 0, 64, 17, 0,
                         bytes([127, 0, 0, 1]), bytes([127, 0, 0, 1]))
    total = sum(struct.unpack("!10H", header))
    while total > 0xFFFF:
        total = (total & 0xFFFF) + (total >> 16)
    checksum = struct.pack("!H", ~total & 0xFFFF)
    return header[:10] + checksum + header[12:] + udp


def capture(path, payloads):
    """A pcap file of raw IPv4 packets (link type 101), one a second from the epoch."""
    with open(path, "wb") as out:
        out.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 101))
        for number, payload in enumerate(payloads):
            packet = ipv4_udp(payload)
            out.write(struct.pack("<IIII", number, 0, len(packet), len(packet)))
            out.write(packet)


def reason_decodes(values):
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "reason.pcap")
        capture(path, [sip_bye(n, value) for n, value in enumerate(values)])
        args = ["-r", path, "-o", "sip.udp.port:5060", "-T", "json", "-e", "frame.number"]
        for field in REASON_FIELDS:
            args += ["-e", field]
        frames = json.loads(tshark(*args))
    decoded = {}
    for frame in frames:
        layers = frame["_source"]["layers"]
        number = int(layers["frame.number"][0]) - 1
        decoded[number] = {field: layers.get(field, []) for field in REASON_FIELDS}
    return [
        {"input": value, "wireshark": decoded.get(number, {field: [] for field in REASON_FIELDS})}
        for number, value in enumerate(values)
    ]


def main():
    version = tshark("--version").split("\n")[0].strip()
    fields, blocks = value_strings()
    values = list(record_reason.inputs())
    recording = {
        "tshark": version,
        "blocks": blocks,
        "fields": fields,
        "reason": reason_decodes(values),
    }
    dump = lambda value: json.dumps(value, ensure_ascii=False, sort_keys=True)
    # One entry a line, for diffs.
    out = ["{\n", ' "blocks": ', dump(blocks), ",\n", ' "fields": {\n']
    names = sorted(fields)
    for i, name in enumerate(names):
        out.append("  " + dump(name) + ": [\n")
        out.append(",\n".join("   " + dump(entry) for entry in fields[name]))
        out.append("\n  ]" + (",\n" if i + 1 < len(names) else "\n"))
    out.append(" },\n")
    out.append(' "reason": [\n')
    out.append(",\n".join("  " + dump(entry) for entry in recording["reason"]))
    out.append("\n ],\n")
    out.append(' "tshark": ' + dump(version) + "\n}\n")
    sys.stdout.write("".join(out))


if __name__ == "__main__":
    main()
