#!/usr/bin/env python3
"""Records what the real liblinphone (Debian's liblinphone10, the SDK of the Linphone apps) does
with SIP status codes and its `LinphoneReason` values, for tests/test_linphone.rs: its public
mapping functions for every code 100..=699 and every reason, what a call a Linphone core
places reports when a far end on 127.0.0.1 ends it with each final response 300..=699 (and
how its process ends when a 422 comes without the Min-SE header RFC 4028 requires), and which
response it sends when the app declines an incoming call with each reason. Writes JSON to
stdout. liblinphone is called through ctypes; the runtime package ships no `liblinphone.so`
link, so the library is opened by its soname."""

import ctypes
import json
import os
import pathlib
import signal
import socket
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
PACKAGE = "liblinphone10"
# LinphoneReason runs 0 (None) to 23 (Transferred) in liblinphone 5.1 (include/linphone/types.h).
REASONS = range(0, 24)
# LinphoneCallState values (include/linphone/call_state.h in 5.1).
INCOMING_RECEIVED = 1
RELEASED = 19
# How long a call may take to end before it is recorded as not ending (a 401 without a
# challenge waits for credentials; a 422 is retried without end).
CALL_LIMIT = 1.5
P = ctypes.c_void_p

SIGNATURES = [
    ("linphone_factory_get", P, []),
    ("linphone_factory_create_core_3", P, [P, ctypes.c_char_p, ctypes.c_char_p, P]),
    ("linphone_factory_create_transports", P, [P]),
    ("linphone_transports_set_udp_port", None, [P, ctypes.c_int]),
    ("linphone_transports_set_tcp_port", None, [P, ctypes.c_int]),
    ("linphone_transports_set_tls_port", None, [P, ctypes.c_int]),
    ("linphone_transports_get_udp_port", ctypes.c_int, [P]),
    ("linphone_core_set_transports", ctypes.c_int, [P, P]),
    ("linphone_core_get_transports_used", P, [P]),
    ("linphone_core_set_use_files", None, [P, ctypes.c_int]),
    ("linphone_core_start", ctypes.c_int, [P]),
    ("linphone_core_iterate", None, [P]),
    ("linphone_core_invite", P, [P, ctypes.c_char_p]),
    ("linphone_core_get_calls", P, [P]),
    ("linphone_core_terminate_all_calls", ctypes.c_int, [P]),
    ("linphone_call_ref", P, [P]),
    ("linphone_call_get_state", ctypes.c_int, [P]),
    ("linphone_call_get_reason", ctypes.c_int, [P]),
    ("linphone_call_get_error_info", P, [P]),
    ("linphone_call_decline", ctypes.c_int, [P, ctypes.c_int]),
    ("linphone_error_info_get_protocol_code", ctypes.c_int, [P]),
    ("linphone_logging_service_get", P, []),
    ("linphone_logging_service_set_log_level", None, [P, ctypes.c_int]),
    ("linphone_reason_to_string", ctypes.c_char_p, [ctypes.c_int]),
    ("linphone_reason_to_error_code", ctypes.c_int, [ctypes.c_int]),
    ("linphone_error_code_to_reason", ctypes.c_int, [ctypes.c_int]),
]


def library():
    lib = ctypes.CDLL("liblinphone.so.10")
    for name, result, arguments in SIGNATURES:
        function = getattr(lib, name)
        function.restype = result
        function.argtypes = arguments
    # Fatal messages only: the recording is stdout.
    lib.linphone_logging_service_set_log_level(lib.linphone_logging_service_get(), 32)
    return lib


def version():
    return subprocess.run(["dpkg-query", "-W", "-f=${Version}", PACKAGE],
                          check=True, capture_output=True, text=True).stdout


class FarEnd:
    """A SIP peer on UDP: ends each INVITE as its Request-URI user says (`c486`: 486; `n302`: a
    302 without a Contact), and calls the core when asked."""

    def __init__(self, min_se=True):
        # Whether a 422 carries the Min-SE header RFC 4028 requires of it.
        self.min_se = min_se
        self.socket = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.socket.bind(("127.0.0.1", 0))
        self.socket.setblocking(False)
        self.port = self.socket.getsockname()[1]
        self.received = []

    def poll(self):
        """Handles what arrived; returns the messages, as (start line, headers)."""
        messages = []
        while True:
            try:
                data, address = self.socket.recvfrom(65535)
            except BlockingIOError:
                return messages
            start, headers = parse(data.decode("utf-8", "replace"))
            messages.append((start, headers))
            method = start.split(" ")[0]
            if method == "INVITE":
                self.answer_invite(start, headers, address)
            elif method in ("BYE", "CANCEL"):
                self.send(response(200, headers), address)

    def answer_invite(self, start, headers, address):
        user = start.split(" ")[1].split("@")[0].removeprefix("sip:")
        code = int(user[1:]) if user[:1] in ("c", "n") and user[1:].isdigit() else 486
        extra = []
        if 300 <= code < 400 and user[:1] == "c":
            # Moved to a user this far end ends with 486: what the call then reports.
            extra.append(f"Contact: <sip:moved@127.0.0.1:{self.port}>")
        if code == 422 and self.min_se:
            extra.append("Min-SE: 1800")
        self.send(response(code, headers, extra), address)

    def send(self, text, address):
        self.socket.sendto(text.encode(), address)


def parse(text):
    head = text.split("\r\n\r\n", 1)[0].split("\r\n")
    headers = [tuple(part.strip() for part in line.split(":", 1)) for line in head[1:] if ":" in line]
    return head[0], headers


def response(code, headers, extra=()):
    lines = [f"SIP/2.0 {code} Status {code}"]
    for name, value in headers:
        lower = name.lower()
        if lower in ("via", "v", "from", "f", "call-id", "i", "cseq"):
            lines.append(f"{name}: {value}")
        elif lower in ("to", "t"):
            lines.append(f"{name}: {value}" + ("" if "tag=" in value else ";tag=far"))
    lines.extend(extra)
    lines.append("Content-Length: 0")
    return "\r\n".join(lines) + "\r\n\r\n"


def start_core(lib, home):
    # A core with no data directory never opens its SIP ports: give it one, in a fresh HOME.
    os.environ["HOME"] = home
    (pathlib.Path(home) / ".local/share/linphone").mkdir(parents=True)
    factory = lib.linphone_factory_get()
    core = lib.linphone_factory_create_core_3(factory, None, None, None)
    transports = lib.linphone_factory_create_transports(factory)
    lib.linphone_transports_set_udp_port(transports, -1)  # a port the OS picks
    lib.linphone_transports_set_tcp_port(transports, 0)
    lib.linphone_transports_set_tls_port(transports, 0)
    lib.linphone_core_set_transports(core, transports)
    lib.linphone_core_set_use_files(core, 1)  # no sound card
    if lib.linphone_core_start(core) != 0:
        sys.exit("liblinphone: the core did not start")
    return core


def outgoing(lib, core, far, code, user="c"):
    """A call to the far end's `c<code>` (or `n<code>`, a 3xx without a Contact): the reason
    and protocol code the call reports,
    whether it ended (was released) within CALL_LIMIT, and whether the far end received more
    than one INVITE (a redirect followed, a request retried)."""
    call = lib.linphone_call_ref(lib.linphone_core_invite(core, f"sip:{user}{code}@127.0.0.1:{far.port}".encode()))
    invites = 0
    deadline = time.monotonic() + CALL_LIMIT
    state = lib.linphone_call_get_state(call)
    while time.monotonic() < deadline and state != RELEASED:
        lib.linphone_core_iterate(core)
        invites += sum(1 for start, _ in far.poll() if start.startswith("INVITE "))
        state = lib.linphone_call_get_state(call)
        time.sleep(0.002)
    error = lib.linphone_call_get_error_info(call)
    record = {
        "reason": lib.linphone_call_get_reason(call),
        "protocol_code": lib.linphone_error_info_get_protocol_code(error),
        "ends": state == RELEASED,
        # A count would vary from run to run where the retries do not end (422).
        "invites": "one" if invites == 1 else "several",
    }
    if state != RELEASED:
        # Not ended within the bound: recorded as such, then cleared away.
        lib.linphone_core_terminate_all_calls(core)
        settle(lib, core, far, 0.3)
    return record


def settle(lib, core, far, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        lib.linphone_core_iterate(core)
        far.poll()
        time.sleep(0.002)


def core_port(lib, core):
    return lib.linphone_transports_get_udp_port(lib.linphone_core_get_transports_used(core))


class ListNode(ctypes.Structure):
    pass


# bctbx_list_t: next, prev, data.
ListNode._fields_ = [("next", ctypes.POINTER(ListNode)), ("prev", ctypes.POINTER(ListNode)), ("data", P)]


def declined(lib, core, far, reason, number):
    """The far end calls the core; the app declines with `reason`: the response the far end
    gets, and whether it carries a Reason header."""
    port = core_port(lib, core)
    call_id = f"decline{number}@127.0.0.1"
    invite = (
        f"INVITE sip:core@127.0.0.1:{port} SIP/2.0\r\n"
        f"Via: SIP/2.0/UDP 127.0.0.1:{far.port};branch=z9hG4bKdecline{number};rport\r\n"
        f"Max-Forwards: 70\r\nFrom: <sip:far@127.0.0.1:{far.port}>;tag=far{number}\r\n"
        f"To: <sip:core@127.0.0.1:{port}>\r\nCall-ID: {call_id}\r\nCSeq: 1 INVITE\r\n"
        f"Contact: <sip:far@127.0.0.1:{far.port}>\r\nContent-Length: 0\r\n\r\n"
    )
    far.send(invite, ("127.0.0.1", port))
    deadline = time.monotonic() + CALL_LIMIT
    answered = False
    while time.monotonic() < deadline:
        lib.linphone_core_iterate(core)
        for start, headers in far.poll():
            if not start.startswith("SIP/2.0 ") or not any(v == call_id for n, v in headers if n.lower() in ("call-id", "i")):
                continue
            code = int(start.split(" ")[1])
            if code >= 200:
                ack = invite.replace("INVITE sip", "ACK sip", 1).replace("CSeq: 1 INVITE", "CSeq: 1 ACK")
                far.send(ack, ("127.0.0.1", port))
                reasons = [v for n, v in headers if n.lower() == "reason"]
                return {"response": code, "reason_header": reasons[0] if reasons else None}
        node = lib.linphone_core_get_calls(core)
        if node and not answered:
            call = ctypes.cast(node, ctypes.POINTER(ListNode)).contents.data
            if lib.linphone_call_get_state(call) == INCOMING_RECEIVED:
                answered = True
                lib.linphone_call_decline(call, reason)
        time.sleep(0.002)
    lib.linphone_core_terminate_all_calls(core)
    settle(lib, core, far, 0.3)
    return {"response": None, "reason_header": None}


def probe_422_without_min_se():
    """In a process of its own (`--probe-422`): a call the far end ends with a 422 that has
    no Min-SE, which takes liblinphone 5.1.65 down."""
    lib = library()
    with tempfile.TemporaryDirectory() as home:
        core = start_core(lib, home)
        outgoing(lib, core, FarEnd(min_se=False), 422)


def survives_422_without_min_se():
    """How the probe's process ended: `exit 0`, or the signal that killed it."""
    probe = subprocess.run([sys.executable, __file__, "--probe-422"], capture_output=True, timeout=60)
    if probe.returncode < 0:
        return signal.Signals(-probe.returncode).name
    return f"exit {probe.returncode}"


def main():
    if sys.argv[1:] == ["--probe-422"]:
        return probe_422_without_min_se()
    lib = library()
    unknown = lib.linphone_error_code_to_reason(999)
    recording = {
        "package": PACKAGE,
        "version": version(),
        "reasons": {
            str(reason): {
                "string": lib.linphone_reason_to_string(reason).decode(),
                "error_code": lib.linphone_reason_to_error_code(reason),
            }
            for reason in REASONS
        },
        # linphone_error_code_to_reason for 100..=699: the codes it maps to a reason of their
        # own, and what every other code gets.
        "error_code_to_reason": {
            str(code): lib.linphone_error_code_to_reason(code)
            for code in range(100, 700)
            if lib.linphone_error_code_to_reason(code) != unknown
        },
        "error_code_to_reason_otherwise": unknown,
    }
    with tempfile.TemporaryDirectory() as home:
        core = start_core(lib, home)
        far = FarEnd()
        recording["calls"] = {str(code): outgoing(lib, core, far, code) for code in range(300, 700)}
        # A redirect liblinphone cannot follow: what the call reports then.
        recording["calls_without_contact"] = {
            str(code): outgoing(lib, core, far, code, "n") for code in range(300, 400)
        }
        recording["declines"] = {str(reason): declined(lib, core, far, reason, reason) for reason in REASONS}
    recording["call_ended_by_422_without_min_se"] = survives_422_without_min_se()
    json.dump(recording, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main()
