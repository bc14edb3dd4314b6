"""Reading a text file a user names (`wirediff compare`): any common encoding, never a crash."""

from __future__ import annotations

from pathlib import Path

from charset_normalizer import from_bytes

from worker.errors import WorkerError

MAX_TEXT_BYTES = 50 * 1024 * 1024


class TextFileError(WorkerError):
    pass


def read_text_file(path: str | Path) -> str:
    """The file's text; TextFileError naming the file when it is missing, binary or empty."""
    p = Path(path)
    try:
        if p.stat().st_size > MAX_TEXT_BYTES:
            raise TextFileError(f"{p}: larger than {MAX_TEXT_BYTES // 1024 // 1024} MB")
        data = p.read_bytes()
    except FileNotFoundError as err:
        raise TextFileError(f"{p}: no such file") from err
    except IsADirectoryError as err:
        raise TextFileError(f"{p}: is a directory") from err
    except OSError as err:
        raise TextFileError(f"{p}: {err.strerror or err}") from err
    text = decode_text(data, str(p))
    if not text.strip():
        raise TextFileError(f"{p}: the file is empty")
    return text


def decode_text(data: bytes, name: str) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:8192]:  # no text encoding but UTF-16/32 (BOM above) holds NUL bytes
        raise TextFileError(f"{name}: binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    # Not UTF-8: let charset_normalizer (already needed by trafilatura) name the encoding.
    best = from_bytes(data).best()
    if best is None:
        raise TextFileError(f"{name}: unknown text encoding or binary content")
    return str(best)
