"""Importing this installs worker.re_cache and worker.code_cache: the extraction pool's
forkserver imports it first, before the extractor and the people reading it preloads, when the
command that starts the pool compiles through the stored codes (worker/ingest/extract_pool.py)."""

from worker import code_cache, re_cache

re_cache.install()
code_cache.install()
code_cache.add("dataclasses")
