"""Run the command line with every network use refused: an audit hook ends the
process with status 99 at the first attempt to resolve, connect, bind or send."""

from __future__ import annotations

import os
import socket
import sys

REFUSED = {
    "socket.connect",
    "socket.getaddrinfo",
    "socket.gethostbyname",
    "socket.bind",
    "socket.sendto",
    "socket.sendmsg",
}


def _hook(event: str, args: tuple[object, ...]) -> None:
    network = event in REFUSED or (
        event == "socket.__new__" and len(args) > 1 and args[1] in (socket.AF_INET, socket.AF_INET6)
    )
    if network:
        sys.stderr.write(f"NETWORK USE: {event} {args!r}\n")
        sys.stderr.flush()
        os._exit(99)


sys.addaudithook(_hook)
sys.argv = ["overdue-guide", *sys.argv[1:]]
from overdue_guide.entry import main  # noqa: E402 - imports must happen under the hook

main()
