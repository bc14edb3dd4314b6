"""The key one way of reading people is told by: the people readers' code (worker/detect: its
modules, tables and learned models) with a roster (its fingerprint) and whether the learned
reader adds its people (`[people] reader`: worker.detect.watch.reader_on). The people of a stored
version are kept under it (worker/pipeline/snapshot.py) and read back only under the same key:
with other code or another roster the text is read again.

It lives here, beside extraction, rather than in the detect core: it looks at files on disk, and
the detect core does no I/O."""

from __future__ import annotations

import hashlib
import os
import sys
from functools import cache
from pathlib import Path

from worker.detect.roster import Roster
from worker.detect.watch import reader_on

_DETECT = Path(__file__).resolve().parent.parent / "detect"


def reading_key(roster: Roster) -> str:
    """This code's key with this roster's, and the reader's when this process reads with it
    (a store read without it keeps its keys). The files are told by name, size and
    modification time (not their 4 MB of bytes hashed in every pass): a file touched but not
    changed only costs a reading again."""
    reader = "\0reader" if reader_on() else ""
    return hashlib.sha256(f"{_code_key()}\0{roster.fingerprint}{reader}".encode()).hexdigest()


@cache
def _code_key() -> str:
    digest = hashlib.sha256(f"people {sys.implementation.cache_tag}\0".encode())
    with os.scandir(_DETECT) as entries:
        files = sorted(
            (e.name, e.stat().st_size, e.stat().st_mtime_ns)
            for e in entries
            if e.is_file() and not e.name.endswith((".pyc", ".pyo"))
        )
    digest.update(repr(files).encode())
    return digest.hexdigest()
