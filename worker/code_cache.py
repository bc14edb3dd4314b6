"""Code that libraries generate at run time, compiled once and kept between commands, as
worker.re_cache keeps compiled regular expressions.

`dataclasses` writes each dataclass's `__init__`, `__repr__`, `__eq__` (and `__hash__`,
`__setattr__` for frozen ones) as source text and `exec`s it; `collections.namedtuple` `eval`s
its `__new__`; `typing.ForwardRef` compiles every string annotation it is given; SQLAlchemy
compiles ~120 small wrapper functions as it is imported (round 24). In a pass that stores a few
edited articles that was ~1,400 compilations (376 dataclass methods, ~139,000 characters of
source), ~4.5% of the pass's instructions in Python's parser and compiler, and ~8% of a pass
where nothing changed (bench/README.md, issue 10 round 22). The same source compiled by the
same Python gives the same code object, so `install()` gives those modules a `compile`, `exec`
or `eval` of their own (a module-level name shadows the builtin) that looks the source up
first: code compiled before by this Python is loaded from its marshalled bytes; any other is
compiled as the builtin would (with the calling module's `from __future__` flags, as the
builtin inherits them) and kept. `save()` writes what the command compiled anew beside
re_cache's file, written whole and renamed into place.

What runs is the same: the code object is the one the builtin makes from that text (the tests
check every stored one against a fresh compilation), executed by the builtin with the same
globals and locals. Anything else given to those functions (code objects, flags, another
mode) goes to the builtin untouched. Only the command line installs it (worker/cli, and the
extraction pool's forkserver through worker.re_cache_on); code importing wirediff's modules
keeps the builtins.
"""

from __future__ import annotations
import __future__

import builtins
import marshal
import sys
import threading
from importlib import import_module
from pathlib import Path
from typing import Any

# The modules whose generated code goes through the cache, and the builtin each calls on it.
TARGETS: dict[str, str] = {
    "dataclasses": "exec",  # _create_fn: exec(txt, globals, ns)
    "collections": "eval",  # namedtuple: eval(code, namespace)
    "typing": "compile",  # ForwardRef.__init__: compile(arg, '<string>', 'eval')
    # exec_code_in_env: compile(code, "<sqlalchemy generated ...>", "exec"), ~120 small
    # functions (Select.where's generative wrapper, deprecation wrappers...) as SQLAlchemy is
    # imported; patched by _OnImport right after the module runs (see there)
    "sqlalchemy.util.langhelpers": "compile",
}
# Patched only when already imported, or when `add` is called: importing dataclasses imports
# inspect (~10 ms), which `wirediff --version` would pay for (worker.cli adds it when a command
# is looked up). Not attrs (aiohttp's classes): the __hash__ it writes holds the hash of the
# class's name, another in every process, and every aiohttp class has one.
LAZY = {"dataclasses"}
# Patched by _OnImport as they are imported: they are imported inside a package's own import
# (`import sqlalchemy` runs sqlalchemy.util.langhelpers, then the modules that generate code
# through it), so neither install() nor add() can come in between. Never imported for it.
ON_IMPORT = {"sqlalchemy.util.langhelpers"}
MAX_ENTRIES = 6_000  # as re_cache: a command generating new sources each run stays bounded
MIN_NEW = 16
# Sources compiled at once before the file is read (~1 MB, ~4.5 M instructions to load): the
# first ones of every process. `wirediff --help` generates one, a `fetch` hundreds.
LOAD_AFTER = 8

_FORMAT = 1
_Key = tuple[str, str, str, int]  # source, filename, mode, future flags
_lock = threading.Lock()
_table: dict[_Key, bytes] = {}  # marshalled code objects
_codes: dict[_Key, Any] = {}  # those loaded or compiled by this process
_used: set[_Key] = set()
_new = 0
_path: Path | None = None
_loaded = False
_direct = 0  # sources compiled before the file was read
_installed: dict[str, str] = {}  # module -> the builtin's name shadowed in it


def cache_file() -> Path:
    """Beside re_cache's file, one per Python build (its bytecode's magic number) and
    optimization level (`python -O` compiles without asserts)."""
    from importlib._bootstrap_external import MAGIC_NUMBER  # loaded already; .util is not

    from worker import re_cache

    tag = f"{sys.implementation.cache_tag}-{int.from_bytes(MAGIC_NUMBER[:2], 'little')}"
    tag += f"-o{sys.flags.optimize}"
    return re_cache.cache_file().parent / f"code-{tag}.marshal"


def install(path: Path | None = None) -> bool:
    """Compile the targets' generated code through the stored codes from now on; False (and
    the builtins left to them) on a Python this was not written for, or without a home."""
    global _path, _new, _loaded, _direct
    if sys.implementation.name != "cpython" or sys.version_info[:2] != (3, 11):
        return False
    if _installed:
        _patch()  # the lazy targets imported since
        return True
    try:
        _path = path or cache_file()
    except RuntimeError:  # Path.home() with no HOME and no user entry
        return False
    _table.clear()
    _codes.clear()
    _used.clear()
    _new, _loaded, _direct = 0, False, 0
    _patch()
    if _OnImport not in sys.meta_path:
        sys.meta_path.insert(0, _OnImport)
    return True


def _patch() -> None:
    for name, builtin in TARGETS.items():
        if name in _installed:
            continue
        if name in LAZY and name not in sys.modules:
            continue  # not imported for it: `wirediff --version` loads no third-party module
        if name in ON_IMPORT and name not in sys.modules:
            continue  # patched by _OnImport when it is imported, if ever
        try:
            module = import_module(name)
        except ImportError:
            continue
        if builtin in vars(module):  # a function of that name of its own: not ours to shadow
            continue
        setattr(module, builtin, _shadow(builtin, _future_flags(module)))
        _installed[name] = builtin


class _OnImport:
    """A finder first on sys.meta_path that finds nothing itself: for a module of ON_IMPORT
    it asks the finders after it for the module's spec and has its loader patch the module
    as soon as the module's code has run (before the import statement that asked for it
    returns). Any other name costs one set lookup."""

    @classmethod
    def find_spec(cls, name: str, path: Any = None, target: Any = None) -> Any:
        if name not in ON_IMPORT or name in _installed:
            return None
        for finder in sys.meta_path:
            find = getattr(finder, "find_spec", None)
            if finder is cls or find is None:
                continue
            spec = find(name, path, target)
            if spec is not None:
                break
        else:
            return None
        loader = spec.loader
        run = getattr(loader, "exec_module", None)
        if run is None:
            return spec

        def exec_module(module: Any) -> None:
            run(module)
            del loader.exec_module  # the loader's own again
            builtin = TARGETS[name]
            if builtin not in vars(module):
                setattr(module, builtin, _shadow(builtin, _future_flags(module)))
                _installed[name] = builtin

        try:
            loader.exec_module = exec_module
        except (AttributeError, TypeError):  # a loader without instance attributes
            pass
        return spec


def add(name: str) -> None:
    """Import a lazy target (LAZY) and put the cache in front of it, when installed."""
    if _installed and name in TARGETS and name not in _installed:
        import_module(name)
        _patch()


def installed() -> bool:
    return bool(_installed)


def uninstall() -> None:
    """Give the targets the builtins back, and forget the codes."""
    if _OnImport in sys.meta_path:
        sys.meta_path.remove(_OnImport)
    for name, builtin in _installed.items():
        module = sys.modules.get(name)
        if module is not None:
            vars(module).pop(builtin, None)
    _installed.clear()
    _table.clear()
    _codes.clear()
    _used.clear()


def _future_flags(module: Any) -> int:
    """The compiler flags of the module's `from __future__` imports (what the builtins inherit
    from the module that calls them)."""
    flags = 0
    for value in vars(module).values():
        if isinstance(value, __future__._Feature):
            flags |= value.compiler_flag
    return flags


def _shadow(builtin: str, inherited: int) -> Any:
    """The module's own `builtin`: the builtin's arguments, the same result."""
    if builtin == "compile":

        def compile(
            source: Any,
            filename: Any,
            mode: str,
            flags: int = 0,
            dont_inherit: bool = False,
            optimize: int = -1,
        ) -> Any:
            if type(source) is not str or type(filename) is not str or flags or optimize != -1:
                return builtins.compile(source, filename, mode, flags, dont_inherit, optimize)
            return code_of(source, filename, mode, 0 if dont_inherit else inherited)

        return compile
    run = builtins.exec if builtin == "exec" else builtins.eval
    mode = "exec" if builtin == "exec" else "eval"

    def shadow(source: Any, globals: Any = None, locals: Any = None, /) -> Any:
        if globals is None:  # the caller's namespaces, as the builtin takes them
            frame = sys._getframe(1)
            globals, locals = frame.f_globals, frame.f_locals if locals is None else locals
        if type(source) is str:
            source = code_of(source, "<string>", mode, inherited)
        return run(source, globals, locals)

    shadow.__name__ = shadow.__qualname__ = builtin
    return shadow


def code_of(source: str, filename: str, mode: str, flags: int) -> Any:
    """builtins.compile(source, filename, mode, flags, dont_inherit=True), from the stored
    codes when this Python compiled that source before."""
    global _new, _loaded, _direct
    key = (source, filename, mode, flags)
    code = _codes.get(key)
    if code is not None:
        return code
    if not _loaded:
        if _direct < LOAD_AFTER:  # a command that generates little: the file is not worth it
            _direct += 1
            return builtins.compile(source, filename, mode, flags, True)
        with _lock:
            if not _loaded and _path is not None:
                _table.update({**_read(_path), **_table})
            _loaded = True
    data = _table.get(key)
    if data is not None:
        try:
            code = marshal.loads(data)
        except (ValueError, EOFError, TypeError):
            code = None
    if code is None:
        code = builtins.compile(source, filename, mode, flags, True)  # SyntaxError as the builtin
        with _lock:
            _table[key] = marshal.dumps(code)
            _new += 1
    with _lock:
        _codes[key] = code
        _used.add(key)
    return code


def compiled(source: str, mode: str, flags: int) -> Any:
    """`compile(source, "<string>", mode, flags, dont_inherit=True)`, from the stored codes
    when installed: for wirediff's own generated code (worker/ingest/prune_paths.py)."""
    if not _installed:
        return builtins.compile(source, "<string>", mode, flags, True)
    return code_of(source, "<string>", mode, flags)


def _read(path: Path) -> dict[_Key, bytes]:
    from worker import re_cache

    return re_cache.read_table(path, _FORMAT)


def save() -> None:
    """Write the codes when this process compiled at least MIN_NEW sources anew, with those
    another process wrote meanwhile. Errors are ignored (the next command compiles again)."""
    global _new
    if not _installed or _new < MIN_NEW or _path is None:
        return
    from worker import re_cache

    with _lock:
        table, used, _new = dict(_table), set(_used), 0
    re_cache.store_table(_path, _FORMAT, table, used, MAX_ENTRIES)


def stored() -> dict[_Key, bytes]:
    """The codes this process knows (the file's, once read, and its own)."""
    return dict(_table)
