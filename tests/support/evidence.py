"""A store built by real fetches over the farm, with edits and a takedown, for the evidence tests."""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, replace
from pathlib import Path

import sqlalchemy as sa
from click.testing import CliRunner, Result

from storage.captures import BodyPolicy
from storage.db import Store
from storage.feeds import FeedSpec
from storage.models import Article, Record, Version
from tests.support.farm import REPORT, Farm
from tests.support.httpserver import LocalServer
from tests.worker.pipeline.test_refresh import make_runtime, run
from worker.cli import cli
from worker.evidence.options import EvidenceOptions
from worker.service.app import Runtime, sync_feeds


@dataclass
class Built:
    runtime: Runtime
    farm: Farm
    db_url: str
    config: Path
    capture_dir: Path | None

    @property
    def store(self) -> Store:
        return self.runtime.store

    def url(self, i: int) -> str:
        return self.farm.server.url(f"/wire/{i}.html")

    def cli(self, *args: str) -> Result:
        return CliRunner().invoke(cli, [*args, "--config", str(self.config)])

    def version_id(self, i: int, number: int) -> int:
        with self.store.read() as s:
            article = s.scalars(sa.select(Article).where(Article.url == self.url(i))).one()
            return s.scalars(
                sa.select(Version.id).where(
                    Version.article_id == article.id, Version.number == number
                )
            ).one()

    def record(self, i: int, number: int, kind: str = "version") -> Record:
        with self.store.read() as s:
            article = s.scalars(sa.select(Article).where(Article.url == self.url(i))).one()
            return s.scalars(
                sa.select(Record).where(
                    Record.article_id == article.id, Record.number == number, Record.kind == kind
                )
            ).one()

    def execute(self, sql: str, **params: object) -> None:
        with self.store.write() as s:
            s.execute(sa.text(sql), params)


def build_store(
    db_url: str, server: LocalServer, tmp_path: Path, *, capture_dir: bool = False
) -> Built:
    """Three reports fetched; one edited twice (a name removed, then a number), one taken down
    (404), one left alone: 6 versions and a takedown, each with its capture."""
    farm = Farm(server)
    for i in range(3):
        farm.add_page(f"/wire/{i}.html", f"Report {i}", [f"Item {i}.", *REPORT])
    feed_url = farm.add_feed("/wire.xml", [f"/wire/{i}.html" for i in range(3)])
    directory = tmp_path / "captures" if capture_dir else None
    evidence = EvidenceOptions(BodyPolicy(True, directory))
    runtime = make_runtime(db_url)
    runtime = replace(runtime, settings=replace(runtime.settings, evidence=evidence))
    sync_feeds(runtime.store, [FeedSpec(feed_url, "Wire", 60)])
    run(runtime)
    page = farm.pages["/wire/1.html"]
    page.paragraphs[2] = page.paragraphs[2].replace("Cai Qi, ", "")
    page.title = "Report 1 (corrected)"
    run(runtime)
    page.paragraphs[3] = page.paragraphs[3].replace("5.2 percent", "5.3 percent")
    page.title = "Report 1 (corrected again)"
    farm.pages["/wire/2.html"].status = 404
    farm.descriptions["/wire/2.html"] = "gone"
    run(runtime)
    config = tmp_path / "wirediff.toml"
    lines = ["[storage]", f"url = {json.dumps(db_url)}"]
    if directory is not None:
        lines.append(f"capture_dir = {json.dumps(str(directory))}")
    config.write_text("\n".join(lines) + "\n")
    return Built(runtime, farm, db_url, config, directory)


def clone(built: Built, tmp_path: Path) -> Built:
    """A copy of an SQLite store (and its capture directory) to tamper with; the original
    stays pristine for the next test. The store is closed first so its WAL is checkpointed."""
    built.store.dispose()
    source = Path(sa.make_url(built.db_url).database or "")
    target = tmp_path / "copy.db"
    shutil.copyfile(source, target)
    directory = None
    if built.capture_dir is not None:
        directory = tmp_path / "captures-copy"
        shutil.copytree(built.capture_dir, directory)
    db_url = f"sqlite:///{target}"
    evidence = EvidenceOptions(BodyPolicy(True, directory))
    settings = replace(built.runtime.settings, database_url=db_url, evidence=evidence)
    runtime = replace(built.runtime, settings=settings, store=Store(db_url))
    config = tmp_path / "copy.toml"
    lines = ["[storage]", f"url = {json.dumps(db_url)}"]
    if directory is not None:
        lines.append(f"capture_dir = {json.dumps(str(directory))}")
    config.write_text("\n".join(lines) + "\n")
    return Built(runtime, built.farm, db_url, config, directory)
