"""worker.code_cache: the code that dataclasses, namedtuple and typing generate is the
same code object, and behaves the same, whether compiled or loaded from the stored codes.

Each check runs in a fresh interpreter (the cache is put in front of those modules' builtins
process-wide, and the classes must be made afresh), with the file in tmp_path.
"""

from __future__ import annotations

import json
import marshal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.cli_process import ROOT
from worker import code_cache

pytestmark = pytest.mark.skipif(
    sys.implementation.name != "cpython" or sys.version_info[:2] != (3, 11),
    reason="the stored codes are CPython 3.11's",
)

# wirediff's own dataclasses and namedtuples (the pass's context, the detect core's model, the
# config), and aiohttp's (string annotations resolved by typing).
IMPORTS = "import worker.pipeline.context, worker.detect.model, worker.config, aiohttp\n"

# Classes of every kind the targets generate, and what they do: their generated methods'
# code and their behaviour, printed as JSON.
CLASSES = '''
import collections, dataclasses, typing
from dataclasses import dataclass, field, InitVar

@dataclass(frozen=True, order=True)
class Frozen:
    a: int
    b: str = "x"
    c: list = field(default_factory=list, compare=False)

@dataclass(slots=True, kw_only=True)
class Slotted:
    a: int
    b: InitVar[int] = 2
    def __post_init__(self, b): self.a += b

Point = collections.namedtuple("Point", "x y", defaults=[0])
ref = typing.ForwardRef("list[int]")
f = Frozen(1)
def fp(code):
    """A code object's fields (marshal's bytes depend on reference counts), nested ones too."""
    consts = tuple(fp(c) if hasattr(c, "co_code") else repr(c) for c in code.co_consts)
    return [code.co_code.hex(), consts, code.co_names, code.co_varnames, code.co_freevars,
            code.co_flags, code.co_filename, code.co_name, code.co_qualname, code.co_firstlineno,
            code.co_linetable.hex(), code.co_exceptiontable.hex(), code.co_stacksize]

methods = [Frozen.__init__, Frozen.__repr__, Frozen.__eq__, Frozen.__lt__, Frozen.__hash__,
           Frozen.__setattr__, Slotted.__init__, Slotted.__repr__, Point.__new__]
out = {
    "code": [fp(m.__code__) for m in methods],
    "ref": [fp(ref.__forward_code__), repr(ref._evaluate(None, None, frozenset()))],
    "behaviour": [repr(f), f == Frozen(1, "x", [3]), f < Frozen(2), hash(f) == hash(Frozen(1)),
                  repr(Slotted(a=1)), hasattr(Slotted(a=1), "__dict__"), repr(Point(1)),
                  Point(1, 2)._asdict()],
}
try:
    f.a = 2
except dataclasses.FrozenInstanceError as e:
    out["frozen"] = type(e).__name__
'''


def run(code: str, path: Path | None) -> dict[str, object]:
    install = (
        "from worker import code_cache\n"
        f"assert code_cache.install(Path({str(path)!r}))\n"
        "code_cache.add('dataclasses')\n"
        if path is not None
        else "from worker import code_cache\n"
    )
    script = f"import json, marshal, sys\nfrom pathlib import Path\n{install}{code}\n"
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    )
    out: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return out


def test_generated_code_is_the_same_compiled_or_stored(tmp_path: Path) -> None:
    path = tmp_path / "code.marshal"
    save = "out['new'] = code_cache._new\ncode_cache.save()\nprint(json.dumps(out))"
    plain = run(f"{CLASSES}\nprint(json.dumps(out))", None)
    first = run(f"{IMPORTS}{CLASSES}\n{save}", path)
    assert path.is_file()
    stored = run(f"{IMPORTS}{CLASSES}\n{save}", path)
    for out in (first, stored):
        assert out["code"] == plain["code"]
        assert out["ref"] == plain["ref"]
        assert out["behaviour"] == plain["behaviour"]
        assert out["frozen"] == plain["frozen"] == "FrozenInstanceError"
    assert isinstance(first["new"], int) and first["new"] > 100  # wirediff's dataclasses
    assert stored["new"] == 0  # every source of the second run came from the file


def test_every_stored_code_is_what_the_builtin_compiles(tmp_path: Path) -> None:
    path = tmp_path / "code.marshal"
    run(f"{IMPORTS}code_cache.save()\nprint('{{}}')", path)
    table = marshal.loads(path.read_bytes())
    assert table.pop("version") == 1
    assert len(table) > 100
    for (source, filename, mode, flags), data in table.items():
        assert marshal.loads(data) == compile(source, filename, mode, flags, True)


def test_a_module_s_future_flags_are_the_builtins(tmp_path: Path) -> None:
    """The builtins inherit the calling module's `from __future__` imports; dataclasses,
    collections and typing have none, and a module that has them compiles with them."""
    import __future__

    import attr._make

    assert code_cache._future_flags(attr._make) == __future__.annotations.compiler_flag
    path = tmp_path / "code.marshal"
    run(f"{IMPORTS}code_cache.save()\nprint('{{}}')", path)
    table = marshal.loads(path.read_bytes())
    assert not any(k[3] for k in table if k != "version")


def test_translated_pruning_paths_are_the_same_code(tmp_path: Path) -> None:
    """wirediff's own generated code (worker/ingest/prune_paths.py) through the cache: the
    functions translated from trafilatura's expressions are the same code, stored with the
    module's `from __future__` flag."""
    import __future__

    path = tmp_path / "code.marshal"
    code = (
        "import trafilatura.xpaths as x\n"
        "from worker.ingest.prune_paths import compiled\n"
        f"{CLASSES.split('methods = [')[0]}\n"
        "paths = [p.path for p in x.OVERALL_DISCARD_XPATH + x.TEASER_DISCARD_XPATH]\n"
        "found = [fp(compiled(p, 're').__code__) for p in paths if 're:test' in p or '@' in p]\n"
        "code_cache.save()\n"
        "print(json.dumps({'found': found}))"
    )
    plain = run(code.replace("code_cache.save()", ""), None)
    assert plain["found"]
    assert run(code, path) == run(code, path) == plain
    table = marshal.loads(path.read_bytes())
    own = [k for k in table if k != "version" and "def find(node):" in k[0]]
    assert own and all(k[3] == __future__.annotations.compiler_flag for k in own)


def test_an_unreadable_or_wrong_file_is_compiled_past(tmp_path: Path) -> None:
    path = tmp_path / "code.marshal"
    path.write_bytes(b"not marshal data")
    plain = run(f"{CLASSES}\nprint(json.dumps(out))", None)
    assert run(f"{CLASSES}\nprint(json.dumps(out))", path)["behaviour"] == plain["behaviour"]
    source = "def __create_fn__():\n  def __repr__(self): return 'wrong'\n  return __repr__"
    bogus = {"version": 1, (source, "<string>", "exec", 0): b"\x00not a code"}
    path.write_bytes(marshal.dumps(bogus))
    assert run(f"{CLASSES}\nprint(json.dumps(out))", path)["behaviour"] == plain["behaviour"]


def test_exec_and_eval_without_namespaces_use_the_callers(tmp_path: Path) -> None:
    code = (
        "import dataclasses, collections\n"
        "def f():\n"
        "    x, seen = 2, []\n"
        "    getattr(dataclasses, 'exec', exec)('seen.append(x)')\n"
        "    ev = getattr(collections, 'eval', eval)\n"
        "    return [ev('x + 1'), ev('x + 1', {'x': 10}), seen]\n"
        "print(json.dumps({'r': f()}))"
    )
    assert run(code, tmp_path / "code.marshal") == run(code, None) == {"r": [3, 11, [2]]}


def test_syntax_errors_are_the_builtins(tmp_path: Path) -> None:
    code = (
        "import typing\n"
        "try:\n    typing.ForwardRef('list[')\nexcept SyntaxError as e:\n"
        "    print(json.dumps({'e': str(e)}))"
    )
    assert run(code, tmp_path / "code.marshal") == run(code, None)


def test_only_the_command_line_installs_it() -> None:
    """Importing wirediff's modules leaves the builtins to those modules (this process)."""
    import collections
    import dataclasses

    import worker.cli  # noqa: F401

    assert not code_cache.installed()
    assert "exec" not in vars(dataclasses) and "eval" not in vars(collections)


def test_sqlalchemy_s_generated_functions_are_stored_and_the_same(tmp_path: Path) -> None:
    """SQLAlchemy compiles ~120 small functions as it is imported (langhelpers'
    exec_code_in_env: generative wrappers, deprecation wrappers); its module is patched as it
    is imported (never imported for it), so they go through the cache, and each function is
    the same code whether compiled or loaded (issue 10, round 24)."""
    path = tmp_path / "code.marshal"
    code = (
        f"{CLASSES.split('methods = [')[0]}\n"
        "assert 'sqlalchemy' not in sys.modules\n"
        "import sqlalchemy, sqlalchemy.dialects.sqlite\n"
        "from sqlalchemy.sql.selectable import Select\n"
        "from sqlalchemy.engine import Connection\n"
        "fns = [Select.where, Select.limit, Select.order_by, Connection.execute]\n"
        "out = {'code': [fp(f.__code__) for f in fns], 'new': code_cache._new,\n"
        "       'installed': sorted(code_cache._installed)}\n"
        "code_cache.save()\n"
        "print(json.dumps(out))"
    )
    plain = run(code.replace("code_cache.save()", ""), None)
    first, stored = run(code, path), run(code, path)
    assert first["code"] == stored["code"] == plain["code"]
    assert "sqlalchemy.util.langhelpers" in first["installed"]  # type: ignore[operator]
    assert isinstance(first["new"], int) and first["new"] >= 100
    assert stored["new"] == 0
    table = marshal.loads(path.read_bytes())
    generated = [k for k in table if k != "version" and k[1].startswith("<sqlalchemy generated")]
    assert len(generated) >= 100
    for source, filename, mode, flags in generated:
        data = table[(source, filename, mode, flags)]
        assert marshal.loads(data) == compile(source, filename, mode, flags, True)
