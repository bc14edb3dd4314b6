"""Source code the standard library generates at run time, kept compiled between commands.

`dataclasses` writes each class's `__init__`, `__repr__`, `__eq__` (and more) as source text
and `exec`s it; `typing` compiles every string annotation it meets (`ForwardRef`: msgspec reads
the config's struct annotations that way). Python keeps a module's compiled code in
`__pycache__`, but not this: a `fetch` that stores a few edited articles compiled ~190 KB of
generated source (~900 pieces), ~3% of its instructions in CPython's parser and compiler, and
a pass where nothing changed a larger share (bench/README.md, issue 10 round 19), every command
again. So `install()` puts a compiler in front of those two modules' `exec` and `compile`
(names they look up in their own globals before the builtins): source compiled before by this
Python is made from its stored code (`marshal`, as a .pyc holds it); any other is compiled as
the builtin does and its code kept. `save()` writes what the command compiled anew to a file
in the user's cache (`$XDG_CACHE_HOME/wirediff`, else `~/.cache/wirediff`), one per Python
build, written whole and renamed into place (worker.re_cache.write_whole).

What runs is the same code: the key is the exact source text, its mode and file name, and the
code is compiled with the flags the two modules' own calls use (no `from __future__` in either:
`dont_inherit=True` keeps this module's from leaking in); a stored code that does not load is
compiled again. Only the command line installs it (worker/cli), like worker.re_cache: code
importing wirediff's modules keeps the standard library as it is. The file is the user's own,
like the rest of their cache and their Python's bytecode.
"""

from __future__ import annotations

import builtins
import marshal
import os
import sys
import threading
from importlib import import_module
from pathlib import Path
from typing import Any

from worker.re_cache import write_whole

# Entries kept in the file at most (~0.55 KB each): past this only the last command's are kept.
MAX_ENTRIES = 3_000
# The fewest new pieces worth rewriting the file for (a command that imports one more module).
MIN_NEW = 8

_FORMAT = 1
_Key = tuple[str, str, str]  # mode, file name, source
_lock = threading.Lock()
_stored: dict[_Key, bytes] = {}  # the file's codes, marshalled; loaded on first use
_new: dict[_Key, bytes] = {}
_used: set[_Key] = set()
_path: Path | None = None
_loaded = False
_installed: list[tuple[Any, str]] = []  # (module, name) shadowed; (None, "") once installed


def cache_file() -> Path:
    """The file for this Python build (marshal's format and the bytecode change with it)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "wirediff" / f"code-{sys.implementation.cache_tag}.marshal"


def install(path: Path | None = None) -> bool:
    """Compile dataclasses' and typing's generated source through the stored codes from now
    on; False (and both left as they are) on a Python this was not written for."""
    global _path, _loaded
    if sys.implementation.name != "cpython" or sys.version_info[:2] != (3, 11):
        return False
    if _installed:
        return True
    try:
        _path = path or cache_file()
    except RuntimeError:  # Path.home() with no HOME and no user entry
        return False
    _stored.clear()
    _new.clear()
    _used.clear()
    _loaded = False
    _installed.append((None, ""))
    attach()
    return True


def attach(*, dataclasses: bool = False) -> None:
    """Once installed, put the compiler in front of those of the two modules imported by now
    (dataclasses=True: importing dataclasses first). The command line installs it first thing,
    when `--version` and `--help` import typing but not dataclasses (importing it was ~4% of
    their instructions), and attaches again when it imports a command's module (worker.cli
    LazyGroup), whose modules import dataclasses anyway."""
    if not _installed:
        return
    if dataclasses:
        import_module("dataclasses")
    for module_name, name, replacement in (
        ("dataclasses", "exec", _exec),
        ("typing", "compile", _compile),
    ):
        module = sys.modules.get(module_name)
        if module is None or name in vars(module):  # not imported, attached, or shadowed
            continue
        setattr(module, name, replacement)
        _installed.append((module, name))


def uninstall() -> None:
    """Give both modules the builtins back, and forget the codes."""
    while _installed:
        module, name = _installed.pop()
        if module is not None:
            vars(module).pop(name, None)
    _stored.clear()
    _new.clear()
    _used.clear()


def _exec(source: Any, globals: Any = None, locals: Any = None, /) -> None:
    """dataclasses' `exec(txt, globals, ns)`, the text compiled through the stored codes."""
    if isinstance(source, str):
        source = _code(source, "<string>", "exec")
    builtins.exec(source, globals, locals)


def _compile(source: Any, filename: Any, mode: str, *args: Any, **kwargs: Any) -> Any:
    """typing's `compile(text, '<string>', 'eval')` through the stored codes."""
    if args or kwargs or not isinstance(source, str) or not isinstance(filename, str):
        return builtins.compile(source, filename, mode, *args, **kwargs)
    return _code(source, filename, mode)


def _code(source: str, filename: str, mode: str) -> Any:
    global _loaded
    if not _loaded:
        with _lock:
            if not _loaded and _path is not None:
                _stored.update(_read(_path))
            _loaded = True
    key = (mode, filename, source)
    data = _stored.get(key) or _new.get(key)
    if data is not None:
        try:
            code = marshal.loads(data)
        except (ValueError, EOFError, TypeError):
            pass
        else:
            _used.add(key)
            return code
    # As the two modules' own calls compile it: no __future__ flags (SyntaxError as they get)
    code = builtins.compile(source, filename, mode, 0, True)
    with _lock:
        _new[key] = marshal.dumps(code)
        _used.add(key)
    return code


def _read(path: Path) -> dict[_Key, bytes]:
    """The file's entries; none when there is no file or this Python cannot read it."""
    try:
        loaded = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    if not isinstance(loaded, dict) or loaded.pop("version", None) != _FORMAT:
        return {}
    return loaded


def save() -> None:
    """Write the codes when this process compiled at least MIN_NEW pieces anew, with those
    another process wrote meanwhile. Errors are ignored (a read-only home, a full disk: the
    next command compiles again)."""
    if not _installed or len(_new) < MIN_NEW or _path is None:
        return
    with _lock:
        table = {**_read(_path), **_stored, **_new}
        if len(table) > MAX_ENTRIES:
            table = {k: v for k, v in table.items() if k in _used}
        _stored.update(_new)
        _new.clear()
    try:
        write_whole(_path, marshal.dumps({"version": _FORMAT, **table}))
    except (OSError, ValueError):
        pass
