"""Where `wirediff serve` listens, and whether that address is reachable from other machines.

>>> parse_bind("127.0.0.1:8080", what="--bind")
Bind(host='127.0.0.1', port=8080)
>>> parse_bind("[::1]:0", what="--bind").loopback, parse_bind("0.0.0.0:80", what="--bind").loopback
(True, False)
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass

from worker.errors import ConfigError


@dataclass(frozen=True, slots=True)
class Bind:
    host: str
    port: int

    @property
    def loopback(self) -> bool:
        """True only for addresses no other machine can reach: 127.0.0.0/8, ::1, localhost."""
        if self.host.casefold() == "localhost":
            return True
        try:
            return ipaddress.ip_address(self.host).is_loopback
        except ValueError:
            return False  # any other host name may resolve to an open interface

    def url(self, port: int | None = None) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port if port is None else port}/"


def parse_bind(text: str, *, what: str) -> Bind:
    """HOST:PORT (IPv6 in brackets: [::1]:8080); port 0 picks a free port."""
    host, sep, port_text = text.strip().rpartition(":")
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    if not sep or not host or not port_text.isdigit() or int(port_text) > 65535:
        raise ConfigError(f"{what} {text!r}: expected HOST:PORT, such as 127.0.0.1:8080")
    return Bind(host, int(port_text))
