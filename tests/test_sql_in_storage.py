"""storage/ owns every SQL statement: no module of worker/ builds or runs one.

Read from the code (ast), not from a grep: worker/ may import from SQLAlchemy only what it
needs to name a session or catch a database error; anything else (`import sqlalchemy as sa`,
`from sqlalchemy import select, text, func`...) would let it build a statement, and it calls
no session's execute/scalar/scalars. The allowlist of exceptions is empty. import-linter
cannot say this: it sees `sqlalchemy` as one external package (Session imports included), and
a forbidden contract would also follow worker -> storage -> sqlalchemy unless indirect imports
were allowed, which the contracts do not do.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ALLOWED_FROM = {"sqlalchemy.orm": {"Session"}, "sqlalchemy.exc": None}  # None: any name
RUNS_SQL = {"execute", "scalar", "scalars", "exec_driver_sql"}
EXCEPTIONS: set[str] = set()  # modules of worker/ allowed to break this rule: none


def breaches(source: str, name: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source, name)):
        where = f"{name}:{getattr(node, 'lineno', '?')}"
        if isinstance(node, ast.Import):
            found += [f"{where}: import {a.name}" for a in node.names if _sqlalchemy(a.name)]
        elif isinstance(node, ast.ImportFrom) and _sqlalchemy(node.module or ""):
            allowed = ALLOWED_FROM.get(node.module or "", set())
            for alias in node.names:
                if allowed is not None and alias.name not in allowed:
                    found.append(f"{where}: from {node.module} import {alias.name}")
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in RUNS_SQL
        ):
            found.append(f"{where}: .{node.func.attr}(...)")
    return found


def _sqlalchemy(module: str) -> bool:
    return module == "sqlalchemy" or module.startswith("sqlalchemy.")


def test_worker_builds_and_runs_no_sql() -> None:
    found = []
    for path in sorted((ROOT / "worker").rglob("*.py")):
        name = str(path.relative_to(ROOT))
        if name not in EXCEPTIONS:
            found += breaches(path.read_text("utf-8"), name)
    assert found == []


def test_the_check_finds_a_query_built_and_run() -> None:
    planted = (
        "import sqlalchemy as sa\n"
        "from sqlalchemy import select, text\n"
        "from sqlalchemy.orm import Session, aliased\n"
        "from sqlalchemy.exc import OperationalError\n"
        "def f(session: Session):\n"
        "    session.scalar(sa.select(1))\n"
        "    session.execute(text('select 1'))\n"
    )
    assert breaches(planted, "m.py") == [
        "m.py:1: import sqlalchemy",
        "m.py:2: from sqlalchemy import select",
        "m.py:2: from sqlalchemy import text",
        "m.py:3: from sqlalchemy.orm import aliased",
        "m.py:6: .scalar(...)",
        "m.py:7: .execute(...)",
    ]
