"""worker.code_cache: the stored codes of generated source are the code Python compiles.

Each check runs in a fresh interpreter (the cache shadows dataclasses' `exec` and typing's
`compile` process-wide, and the modules must be imported afresh to make their classes), with
the file in tmp_path: once compiling and storing, once from the file, once without the cache.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.cli_process import ROOT

pytestmark = pytest.mark.skipif(
    sys.implementation.name != "cpython" or sys.version_info[:2] != (3, 11),
    reason="the stored codes are CPython 3.11's",
)

# What a pass that stores an edited article imports: config, pipeline, people, storage.
MODULES = (
    "import worker.config, worker.pipeline.context, worker.detect.model, worker.detect.changes,"
    " worker.service.app, storage.values"
)

# Every dataclass of those modules, each generated method's code in full (its instructions,
# constants, names, variables, flags, line and exception tables, nested code alike; marshal's
# bytes are not compared: they also record which strings the process happened to share), and
# the annotations msgspec reads through typing.ForwardRef.
DUMP = """
import dataclasses, sys, typing, hashlib
def canon(code):
    consts = tuple(canon(c) if hasattr(c, "co_code") else repr(c) for c in code.co_consts)
    return repr((code.co_code, consts, code.co_names, code.co_varnames, code.co_freevars,
        code.co_cellvars, code.co_flags, code.co_argcount, code.co_posonlyargcount,
        code.co_kwonlyargcount, code.co_stacksize, code.co_name, code.co_qualname,
        code.co_filename, code.co_firstlineno, code.co_linetable, code.co_exceptiontable))
codes = {}
for name, module in sorted(sys.modules.items()):
    if not name.startswith(("worker.", "storage.", "alerts.")):
        continue
    for attr, value in sorted(vars(module).items()):
        if isinstance(value, type) and dataclasses.is_dataclass(value) and value.__module__ == name:
            for method in sorted(vars(value)):
                code = getattr(vars(value)[method], "__code__", None)
                if code is not None and code.co_filename == "<string>":
                    key = f"{name}.{attr}.{method}"
                    codes[key] = hashlib.sha256(canon(code).encode()).hexdigest()
refs = typing.ForwardRef("list[dict[str, int | None]]"), typing.ForwardRef("Mapping[str, Any]")
for ref in refs:
    codes["ForwardRef " + ref.__forward_arg__] = canon(ref.__forward_code__)
"""


def run(code: str, path: Path | None) -> dict[str, object]:
    install = (
        "from worker import code_cache\n"
        f"assert code_cache.install(Path({str(path)!r}))\n"
        "code_cache.attach(dataclasses=True)\n"
        if path is not None
        else ""
    )
    script = f"import json, sys\nfrom pathlib import Path\n{install}{code}\n"
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    )
    out: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return out


def test_stored_codes_are_the_ones_python_compiles(tmp_path: Path) -> None:
    path = tmp_path / "code.marshal"
    report = "print(json.dumps({'codes': codes, 'new': len(code_cache._new)}))"
    first = run(f"{MODULES}\n{DUMP}\n{report}\ncode_cache.save()", path)
    assert isinstance(first["new"], int) and first["new"] > 100
    assert path.is_file()
    second = run(f"{MODULES}\n{DUMP}\n{report}", path)
    assert second["new"] == 0  # every generated piece came from the file
    plain = run(f"{MODULES}\n{DUMP}\nprint(json.dumps({{'codes': codes}}))", None)
    assert isinstance(plain["codes"], dict) and len(plain["codes"]) > 100
    assert first["codes"] == second["codes"] == plain["codes"]


def test_a_dataclass_made_from_stored_code_behaves_the_same(tmp_path: Path) -> None:
    """Frozen, slots, order, defaults, factories, keyword-only: the methods dataclasses writes."""
    path = tmp_path / "code.marshal"
    code = (
        "from dataclasses import dataclass, field\n"
        "@dataclass(frozen=True, slots=True, order=True)\n"
        "class P:\n"
        "    name: str\n"
        "    roles: tuple[str, ...] = ()\n"
        "    seen: list[int] = field(default_factory=list, compare=False)\n"
        "@dataclass(kw_only=True)\n"
        "class Q:\n"
        "    a: int = 1\n"
        "    b: 'list[P] | None' = None\n"
        "p, q = P('Xi Jinping', ('met',)), Q(a=2, b=[P('Wang Yi')])\n"
        "try:\n"
        "    p.name = 'x'\n"
        "    frozen = False\n"
        "except Exception as err:\n"
        "    frozen = type(err).__name__\n"
        "print(json.dumps({'repr': [repr(p), repr(q)], 'order': P('a') < P('b'),"
        " 'eq': p == P('Xi Jinping', ('met',)), 'hash': hash(p) == hash(P('Xi Jinping', ('met',))),"
        " 'frozen': frozen, 'new': len(getattr(sys.modules.get('worker.code_cache'), '_new', ()))}))"
    )
    compiled = run(code + "\ncode_cache.save()", path)
    assert compiled["new"] > 5
    stored = run(code, path)
    plain = run(code, None)
    assert stored["new"] == 0
    for out in (compiled, stored):
        out.pop("new")
    plain.pop("new")
    assert compiled == stored == plain
    assert plain["frozen"] == "FrozenInstanceError"


def test_a_file_that_does_not_load_is_compiled_again(tmp_path: Path) -> None:
    path = tmp_path / "code.marshal"
    path.write_bytes(b"not marshal")
    out = run(f"{MODULES}\n{DUMP}\nprint(json.dumps({{'codes': codes}}))", path)
    plain = run(f"{MODULES}\n{DUMP}\nprint(json.dumps({{'codes': codes}}))", None)
    assert out["codes"] == plain["codes"]
