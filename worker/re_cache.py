"""Compiled regular expressions kept between commands, as Python keeps compiled modules.

Importing people reading compiles ~350 regular expressions, change detection and the roster
~100 more, trafilatura and its helpers ~200: in a pass that stores a few edited articles,
parsing and compiling those patterns (`re._parser`, `re._compiler`, pure Python) was the
largest single cost, paid again by every command that reads a text, before any text is read
(bench/README.md, issue 10 round 15). The compiler's output for a pattern is a list of ints
that depends only on the pattern, its flags and the Python build; `_sre.compile` makes the
same Pattern object from it at once. So `install()` puts a compiler in front of the one `re`
calls on a miss of its own in-memory cache (`re._compiler.compile`): a pattern compiled before
by this Python is made from its stored code; any other is compiled as `re` does and its code
kept. `save()` writes what the command compiled anew to a file in the user's cache
(`$XDG_CACHE_HOME/wirediff`, else `~/.cache/wirediff`), one per Python build, written whole
and renamed into place, so a command reading it never sees half a file.

What `re` gives back is the same: a Pattern made from stored code compares equal to the one
`re` compiles (CPython compares pattern, flags and code); the tests check it for every stored
pattern. Anything unexpected (another Python than CPython 3.11, a file that does not load, a
code `_sre` refuses) leaves `re` as it is or falls back to compiling. What differs: `re`'s
warnings about a pattern (a deprecated escape) are given when it is first compiled, not again.
Only the command line installs it (worker/cli, and the extraction pool's forkserver that a
command starts): code importing wirediff's modules keeps `re` as it is.
"""

from __future__ import annotations

import marshal
import os
import sys
import threading
from array import array
from importlib import import_module
from pathlib import Path
from typing import Any

# Entries kept in the file at most (~1.5 KB each): a command that compiles patterns built from
# data (new ones each run) must not grow it without end; past this, only that command's are
# kept. And the fewest new patterns worth rewriting it for: some libraries build a few patterns
# from a set, in another order in each process (5 in a fetch), which would rewrite it each time.
MAX_ENTRIES = 4_000
MIN_NEW = 16

# The flags, the code (_sre's words as bytes: loaded without an int object per word), the
# number of groups, their names both ways: _sre.compile's arguments after the pattern.
_Entry = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]
_Key = tuple[str | bytes, int]

_FORMAT = 1  # of the file's entries
_DEBUG = 128  # re.DEBUG: compiled by re itself, which prints the code
_lock = threading.Lock()
_table: dict[_Key, _Entry] = {}
_used: set[_Key] = set()
_new = 0  # patterns this process compiled that the file did not hold
_path: Path | None = None
_loaded = False  # the file is read on the first pattern re has not compiled yet
_original: Any = None  # re's own compiler while installed


def cache_file() -> Path:
    """The file for this Python build (its version and its regular expression engine's)."""
    import _sre

    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    tag = f"{sys.implementation.cache_tag}-{_sre.MAGIC}-{_sre.CODESIZE}"
    return Path(base) / "wirediff" / f"re-{tag}.marshal"


def install(path: Path | None = None) -> bool:
    """Compile through the stored codes from now on; False (and `re` left as it is) on a
    Python this was not written for, or with no home directory to keep them in."""
    global _path, _original, _new, _loaded
    import _sre

    if sys.implementation.name != "cpython" or sys.version_info[:2] != (3, 11):
        return False
    if array("I").itemsize != _sre.CODESIZE:
        return False
    if _original is not None:
        return True
    try:
        _path = path or cache_file()
    except RuntimeError:  # Path.home() with no HOME and no user entry
        return False
    compiler: Any = import_module("re._compiler")  # re's own, untyped internals
    _table.clear()
    _used.clear()
    _new, _loaded = 0, False
    _original = compiler.compile
    compiler.compile = _compile
    return True


def installed() -> bool:
    return _original is not None


def uninstall() -> None:
    """Give `re` its own compiler back, and forget the codes."""
    global _original
    if _original is None:
        return
    compiler: Any = import_module("re._compiler")
    compiler.compile, _original = _original, None
    _table.clear()
    _used.clear()


def _compile(p: Any, flags: int = 0) -> Any:
    """re._compiler.compile through the stored codes (re calls it on a miss of re._cache)."""
    global _new, _loaded
    if flags & _DEBUG or not isinstance(p, (str, bytes)):  # a parsed pattern, or re.DEBUG
        return _original(p, flags)
    if type(p) not in (str, bytes):  # a subclass (lxml's XPath strings): the same characters
        p = str(p) if isinstance(p, str) else bytes(p)
    if not _loaded:
        with _lock:
            if not _loaded and _path is not None:
                _table.update({**_read(_path), **_table})
            _loaded = True
    key = (p, flags)
    entry = _table.get(key)
    if entry is not None:
        try:
            pattern = _pattern(p, entry)
        except (RuntimeError, TypeError, ValueError, OverflowError):  # not a code _sre takes
            pass
        else:
            _used.add(key)
            return pattern
    entry = _code_of(p, flags)  # re.error for a bad pattern, as re gives
    with _lock:
        _table[key] = entry
        _used.add(key)
        _new += 1
    return _pattern(p, entry)


def _pattern(p: str | bytes, entry: _Entry) -> Any:
    import _sre

    final, code, groups, groupindex, indexgroup = entry
    return _sre.compile(p, final, array("I", code).tolist(), groups, groupindex, indexgroup)


def _code_of(pattern: str | bytes, flags: int) -> _Entry:
    """What re._compiler.compile hands to _sre.compile for `pattern` (CPython 3.11)."""
    compiler, parser = import_module("re._compiler"), import_module("re._parser")
    parsed = parser.parse(pattern, flags)
    code = array("I", compiler._code(parsed, flags)).tobytes()
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    groups = parsed.state.groups - 1
    return (flags | parsed.state.flags, code, groups, groupindex, tuple(indexgroup))


def _read(path: Path) -> dict[_Key, _Entry]:
    """The file's entries; none when there is no file or this Python cannot read it."""
    return read_table(path, _FORMAT)


def read_table(path: Path, version: int) -> dict[Any, Any]:
    """The entries of a marshalled cache file written with `version` (this module's and
    worker.code_cache's); none when there is no file or this Python cannot read it."""
    try:
        loaded = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    if not isinstance(loaded, dict) or loaded.pop("version", None) != version:
        return {}
    return loaded


def store_table(path: Path, version: int, table: dict[Any, Any], used: set[Any], most: int) -> None:
    """Write `table` with the entries another process wrote meanwhile; past `most` entries,
    only those this process used. Errors are ignored (a read-only home, a full disk: the
    next command compiles again)."""
    merged = {**read_table(path, version), **table}
    if len(merged) > most:
        merged = {k: v for k, v in merged.items() if k in used}
    try:
        write_whole(path, marshal.dumps({"version": version, **merged}))
    except (OSError, ValueError):
        pass


def save() -> None:
    """Write the codes when this process compiled at least MIN_NEW patterns anew, with those
    another process wrote meanwhile (the pool's workers write what their forkserver compiled).
    Errors are ignored (a read-only home, a full disk: the next command compiles again)."""
    global _new
    if _original is None or _new < MIN_NEW or _path is None:
        return
    with _lock:
        table, used, _new = dict(_table), set(_used), 0
    store_table(_path, _FORMAT, table, used, MAX_ENTRIES)


def write_whole(path: Path, data: bytes) -> None:
    """Write data to a temporary file beside path and rename it into place, so that a reader
    (another process, the pool's workers) never sees half a file."""
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=path.name, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(temp, path)
    except BaseException:
        os.unlink(temp)
        raise


def stored() -> dict[_Key, _Entry]:
    """The codes this process knows (the file's, once read, and its own)."""
    return dict(_table)
