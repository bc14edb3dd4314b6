"""`wirediff db migrate-to URL`: an SQLite store moved to PostgreSQL keeps every row and version.

Real SQLite file, the real PostgreSQL from WIREDIFF_TEST_POSTGRES_URL (a fresh database per
test), the real CLI, a feed farm and a webhook receiver on 127.0.0.1.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from storage import versions
from storage.db import Store
from storage.models import Article, Feed, Version
from storage.transfer import TABLES
from tests.support.farm import REPORT, Farm
from tests.support.httpserver import LocalServer
from worker.cli import cli
from worker.cli.db import migrate_to

pytestmark = pytest.mark.postgres


@pytest.fixture
def farm(server: LocalServer) -> Farm:
    f = Farm(server)
    for i in range(3):
        f.add_page(f"/news/{i}.html", f"Report {i}", [f"Meeting {i} opened on Nov. 26.", *REPORT])
    f.add_feed("/rss.xml", [f"/news/{i}.html" for i in range(3)])
    server.static("/hook", "", status=204)
    return f


def config(tmp_path: Path, server: LocalServer) -> Path:
    path = tmp_path / "wirediff.toml"
    path.write_text(
        f'[[feeds]]\nurl = "{server.url("/rss.xml")}"\nname = "Wire"\ninterval = "1h"\n\n'
        f'[[alerts]]\ntype = "webhook"\nurl = "{server.url("/hook")}"\nsecret_env = "HOOK"\n'
    )
    return path


def fetch(db: str, cfg: Path) -> None:
    result = CliRunner().invoke(
        cli, ["fetch", "--db", db, "--config", str(cfg), "--json"], env={"HOOK": "s"}
    )
    assert result.exit_code == 0, result.output


def edit(farm: Farm, path: str, old: str, new: str) -> None:
    page = farm.pages[path]
    page.paragraphs[0] = page.paragraphs[0].replace(old, new)


def dump(url: str) -> dict[str, list[dict[str, Any]]]:
    store = Store(url)
    try:
        with store.read() as s:
            return {
                t.name: [
                    dict(r._mapping)
                    for r in s.execute(sa.select(t).order_by(*t.primary_key.columns))
                ]
                for t in TABLES
            }
    finally:
        store.dispose()


def test_migrate_to_keeps_every_row_and_version_and_the_store_carries_on(
    pg_url: str, server: LocalServer, farm: Farm, tmp_path: Path
) -> None:
    sqlite_url = f"sqlite:///{tmp_path / 'wirediff.db'}"
    cfg = config(tmp_path, server)
    fetch(sqlite_url, cfg)
    edit(farm, "/news/1.html", "Nov. 26", "Nov. 25")
    fetch(sqlite_url, cfg)
    edit(farm, "/news/1.html", "Meeting 1", "The meeting")
    fetch(sqlite_url, cfg)
    before = dump(sqlite_url)
    assert len(before["versions"]) == 5 and len(before["changes"]) == 2
    assert {d["state"] for d in before["deliveries"]} == {"sent"}

    result = CliRunner().invoke(migrate_to, ["--db", sqlite_url, pg_url])
    assert result.exit_code == 0, result.output
    assert "5 versions" in result.output and "2 changes" in result.output

    # Every row of every table, ids, numbers, compressed texts and event JSON, as it was.
    assert dump(pg_url) == before
    pg = Store(pg_url)
    try:
        with pg.read() as s:
            article = s.scalars(sa.select(Article).where(Article.url.like("%/news/1.html"))).one()
            texts = [
                versions.text_of(s, v)
                for v in s.scalars(
                    sa.select(Version)
                    .where(Version.article_id == article.id)
                    .order_by(Version.number)
                )
            ]
        expected = [
            "Meeting 1 opened on Nov. 26",
            "Meeting 1 opened on Nov. 25",
            "The meeting opened",
        ]
        assert len(texts) == 3
        assert all(e in t for e, t in zip(expected, texts, strict=True)), texts

        # The moved store carries on: new rows get fresh ids, the next version is number 4.
        edit(farm, "/news/1.html", "Nov. 25", "Nov. 24")
        farm.add_page("/news/9.html", "Report 9", ["A new report.", *REPORT])
        farm.feed_items["/rss.xml"].append("/news/9.html")
        fetch(pg_url, cfg)
        with pg.read() as s:
            numbers = s.scalars(
                sa.select(Version.number).where(Version.article_id == article.id)
            ).all()
            new = s.scalars(sa.select(Article).where(Article.url.like("%/news/9.html"))).one()
            changes = s.execute(sa.text("SELECT from_version, to_version FROM changes")).all()
        assert sorted(numbers) == [1, 2, 3, 4]
        assert new.id > max(a["id"] for a in before["articles"])
        assert sorted(changes) == [(1, 2), (2, 3), (3, 4)]
    finally:
        pg.dispose()


def test_migrate_to_refuses_a_target_that_is_not_empty_or_not_postgresql(
    pg_url: str, server: LocalServer, farm: Farm, tmp_path: Path
) -> None:
    sqlite_url = f"sqlite:///{tmp_path / 'wirediff.db'}"
    fetch(sqlite_url, config(tmp_path, server))
    assert CliRunner().invoke(migrate_to, ["--db", sqlite_url, pg_url]).exit_code == 0

    again = CliRunner().invoke(migrate_to, ["--db", sqlite_url, pg_url])
    assert again.exit_code == 2
    assert "is not empty" in again.output and len(again.output.strip().splitlines()) == 1
    with Store(pg_url).read() as s:  # nothing was copied twice
        assert s.scalar(sa.select(sa.func.count()).select_from(Feed)) == 1

    other = CliRunner().invoke(migrate_to, ["--db", sqlite_url, f"sqlite:///{tmp_path / 'b.db'}"])
    assert other.exit_code == 2 and "PostgreSQL" in other.output

    missing = CliRunner().invoke(migrate_to, ["--db", f"sqlite:///{tmp_path / 'no.db'}", pg_url])
    assert missing.exit_code == 2 and "does not exist" in missing.output
    assert not (tmp_path / "no.db").exists()
