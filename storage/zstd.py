"""zstd compressors kept per thread and level.

Making a compressor allocates and clears its context: ~20-40 us, as long as compressing a
3 KB report text at level 9, for every text and every captured page. Each thread keeps one
per level instead (a compressor is not safe to share between threads); its frames are the
same bytes a new one makes. Its context is sized to the largest input it has compressed:
~70 KB for a report text at level 9, ~0.7 MB for a 40 KB page at level 3.
"""

from __future__ import annotations

import threading

import zstandard

_kept = threading.local()


def compressor(level: int) -> zstandard.ZstdCompressor:
    """This thread's compressor at `level` (no dictionary)."""
    by_level: dict[int, zstandard.ZstdCompressor] = _kept.__dict__.setdefault("by_level", {})
    found = by_level.get(level)
    if found is None:
        found = by_level[level] = zstandard.ZstdCompressor(level=level)
    return found
