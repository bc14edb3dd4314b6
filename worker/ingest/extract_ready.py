"""Importing this sets trafilatura up as extract_article uses it (its parser's element classes,
its pruning expressions evaluated in Python: worker/ingest/extract.py `_trafilatura`): the
extraction pool's forkserver imports it, so that its workers fork with that done once rather
than each doing it on its first page (worker/ingest/extract_pool.py)."""

from worker.ingest.extract import _trafilatura

_trafilatura()
