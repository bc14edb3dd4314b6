"""Run `wirediff` in a real pseudo-terminal (Python's pty), as a person at a terminal does."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import signal
import struct
import sys
import termios
import time
from collections.abc import Callable, Mapping

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07")


class Terminal:
    """`wirediff ARGS` on a pty of `cols` columns; read what it writes, type keys (Ctrl-C)."""

    def __init__(self, args: list[str], env: Mapping[str, str], cols: int = 120) -> None:
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: becomes wirediff, the pty is its terminal
            # As a shell starts it: Ctrl-C not ignored, whatever this test process inherited
            # or an earlier test set (an ignored SIGINT survives exec).
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            os.execve(sys.executable, [sys.executable, "-m", "worker", *args], dict(env))
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, cols, 0, 0))
        self.raw = b""
        self.status: int | None = None

    @property
    def text(self) -> str:
        return self.raw.decode("utf-8", errors="replace")

    def segments(self) -> list[str]:
        """What was written, without colours, split where the cursor went back or down."""
        return [s for s in re.split(r"[\r\n]", ANSI.sub("", self.text)) if s.strip()]

    def read_until(self, done: Callable[[str], bool], timeout: float = 30) -> bool:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if done(ANSI.sub("", self.text)):
                return True
            if not self._read(0.1):
                break
        return done(ANSI.sub("", self.text))

    def press(self, keys: bytes) -> None:
        os.write(self.fd, keys)

    def wait(self, timeout: float = 60) -> int:
        """Read to the end; the exit code."""
        end = time.monotonic() + timeout
        while time.monotonic() < end and self._read(0.2):
            pass
        _, status = os.waitpid(self.pid, 0)
        os.close(self.fd)
        self.status = os.waitstatus_to_exitcode(status)
        return self.status

    def _read(self, wait: float) -> bool:
        ready, _, _ = select.select([self.fd], [], [], wait)
        if not ready:
            return True  # nothing yet, still running
        try:
            data = os.read(self.fd, 65536)
        except OSError:  # EIO: the child closed the terminal
            return False
        self.raw += data
        return bool(data)
