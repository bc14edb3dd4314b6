"""Evidence: capture retention settings, `wirediff verify` and the WARC export.

The write path (captures stored and records appended with each version) lives in
storage/captures.py and storage/chain.py, called from worker/pipeline/snapshot.py; this package reads.
"""
