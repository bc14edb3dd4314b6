"""wirediff's store: feeds, articles, versions (compressed, deduplicated), changes, deliveries.

SQLAlchemy only. Never imports `worker`. `storage.db` is the only module that knows the dialect.
"""
