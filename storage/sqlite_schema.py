"""A new SQLite store's schema, as the migrations leave it, made without Alembic.

Creating a store is the first thing a first `wirediff fetch` does, before its first request.
Through Alembic that took ~0.3 s of CPU (importing Alembic and its six migration scripts,
running them, reflecting three tables); replaying the schema the migrations produce, in one
transaction, takes a few milliseconds (bench/README.md, issue 10 round 12). The statements
below are the `sqlite_master` entries of a store the migrations made, in the order they made
them, and the store is stamped with the same revision Alembic would write, so every later
migration starts from it as from a migrated store. `storage.db.Store` uses them only for an
SQLite database with nothing in it, and only while REVISION is the newest migration
(storage.values.SCHEMA_HEAD): after a new migration, Alembic creates new stores until this file
is written again (`python -m storage.schema_dump`; tests/storage/test_store.py compares it
with what the migrations make).
"""

from __future__ import annotations

REVISION = "0009_version_people"

STATEMENTS = (
    "CREATE TABLE alembic_version (\n\tversion_num VARCHAR(32) NOT NULL, \n\tCONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)\n)",
    "CREATE TABLE bodies (\n\thash VARCHAR(64) NOT NULL, \n\tsize INTEGER NOT NULL, \n\tdata BLOB NOT NULL, \n\tPRIMARY KEY (hash)\n)",
    "CREATE TABLE feeds (\n\tid INTEGER NOT NULL, \n\turl VARCHAR(2048) NOT NULL, \n\tname VARCHAR(512), \n\ttitle VARCHAR(1024), \n\tcategory VARCHAR(512), \n\tinterval_s INTEGER NOT NULL, \n\tfollow_links BOOLEAN NOT NULL, \n\tetag VARCHAR(1024), \n\tlast_modified VARCHAR(128), \n\tbody_hash VARCHAR(64), \n\tnext_fetch_at DATETIME, \n\terror_count INTEGER NOT NULL, \n\tlast_error TEXT, \n\tlast_ok_at DATETIME, \n\tcreated_at DATETIME NOT NULL, strict_interval BOOLEAN DEFAULT 0 NOT NULL, hint_s INTEGER, hint VARCHAR(256), wait_s INTEGER, wait_reason VARCHAR(256), last_entries INTEGER, fell_back INTEGER DEFAULT '0' NOT NULL, fell_back_reasons TEXT, \n\tPRIMARY KEY (id), \n\tUNIQUE (url)\n)",
    "CREATE INDEX ix_feeds_next_fetch_at ON feeds (next_fetch_at)",
    'CREATE TABLE articles (\n\tid INTEGER NOT NULL, \n\tfeed_id INTEGER NOT NULL, \n\t"key" VARCHAR(2048) NOT NULL, \n\tguid VARCHAR(2048), \n\turl VARCHAR(2048), \n\ttitle TEXT, \n\titem_hash VARCHAR(64), \n\tpage_etag VARCHAR(1024), \n\tpage_last_modified VARCHAR(128), \n\tstate VARCHAR(16) NOT NULL, \n\tfirst_seen DATETIME NOT NULL, \n\tlast_seen DATETIME NOT NULL, \n\tnext_check_at DATETIME, \n\tchecks_done INTEGER NOT NULL, left_feed_at DATETIME, \n\tPRIMARY KEY (id), \n\tFOREIGN KEY(feed_id) REFERENCES feeds (id) ON DELETE CASCADE, \n\tCONSTRAINT uq_articles_feed_key UNIQUE (feed_id, "key")\n)',
    "CREATE INDEX ix_articles_feed_id ON articles (feed_id)",
    "CREATE INDEX ix_articles_next_check_at ON articles (next_check_at)",
    "CREATE INDEX ix_articles_url ON articles (url)",
    "CREATE TABLE changes (\n\tid VARCHAR(64) NOT NULL, \n\tarticle_id INTEGER NOT NULL, \n\tfeed_id INTEGER NOT NULL, \n\tkind VARCHAR(16) NOT NULL, \n\tfrom_version INTEGER, \n\tto_version INTEGER, \n\tdetected_at DATETIME NOT NULL, \n\tsimilarity DOUBLE NOT NULL, \n\tsummary TEXT NOT NULL, \n\tevent TEXT NOT NULL, \n\tPRIMARY KEY (id), \n\tFOREIGN KEY(article_id) REFERENCES articles (id) ON DELETE CASCADE, \n\tFOREIGN KEY(feed_id) REFERENCES feeds (id) ON DELETE CASCADE, \n\tCONSTRAINT uq_changes_article_versions_kind UNIQUE (article_id, from_version, to_version, kind)\n)",
    "CREATE INDEX ix_changes_article_id ON changes (article_id)",
    "CREATE INDEX ix_changes_detected_at ON changes (detected_at)",
    "CREATE INDEX ix_changes_feed_id ON changes (feed_id)",
    "CREATE INDEX ix_changes_kind ON changes (kind)",
    "CREATE TABLE versions (\n\tid INTEGER NOT NULL, \n\tarticle_id INTEGER NOT NULL, \n\tnumber INTEGER NOT NULL, \n\tfetched_at DATETIME NOT NULL, \n\ttitle TEXT, \n\tlink VARCHAR(2048), \n\tpublished DATETIME, \n\ttext_hash VARCHAR(64) NOT NULL, \n\traw_hash VARCHAR(64), \n\tsource VARCHAR(16) NOT NULL, \n\textractor VARCHAR(64), \n\textractor_version VARCHAR(32), people TEXT, people_key VARCHAR(64), \n\tPRIMARY KEY (id), \n\tFOREIGN KEY(article_id) REFERENCES articles (id) ON DELETE CASCADE, \n\tFOREIGN KEY(text_hash) REFERENCES bodies (hash), \n\tCONSTRAINT uq_versions_article_number UNIQUE (article_id, number)\n)",
    "CREATE TABLE deliveries (\n\tid INTEGER NOT NULL, \n\tchange_id VARCHAR(64) NOT NULL, \n\tchannel VARCHAR(128) NOT NULL, \n\tstate VARCHAR(16) NOT NULL, \n\tattempts INTEGER NOT NULL, \n\tnext_attempt_at DATETIME NOT NULL, \n\tlast_error TEXT, \n\tcreated_at DATETIME NOT NULL, \n\tsent_at DATETIME, \n\tclaimed_by VARCHAR(128), \n\tclaimed_until DATETIME, \n\tPRIMARY KEY (id), \n\tFOREIGN KEY(change_id) REFERENCES changes (id) ON DELETE CASCADE, \n\tCONSTRAINT uq_deliveries_change_channel UNIQUE (change_id, channel)\n)",
    "CREATE INDEX ix_deliveries_next_attempt_at ON deliveries (next_attempt_at)",
    "CREATE INDEX ix_deliveries_state ON deliveries (state)",
    "CREATE INDEX ix_changes_feed_detected_id ON changes (feed_id, detected_at, id)",
    "CREATE TABLE capture_blobs (\n\tsha256 VARCHAR(64) NOT NULL, \n\tsize BIGINT NOT NULL, \n\tplace VARCHAR(8) NOT NULL, \n\tdata BLOB, \n\tstored_at DATETIME NOT NULL, \n\tPRIMARY KEY (sha256)\n)",
    "CREATE TABLE captures (\n\tid INTEGER NOT NULL, \n\tdigest VARCHAR(64) NOT NULL, \n\turl TEXT NOT NULL, \n\tfinal_url TEXT NOT NULL, \n\tstatus INTEGER NOT NULL, \n\treason VARCHAR(256) NOT NULL, \n\thttp_version VARCHAR(16) NOT NULL, \n\trequested_at DATETIME NOT NULL, \n\tpeer VARCHAR(128), \n\trequest_headers TEXT NOT NULL, \n\tresponse_headers TEXT NOT NULL, \n\tredirects TEXT NOT NULL, \n\tbody_sha256 VARCHAR(64) NOT NULL, \n\tbody_size BIGINT NOT NULL, \n\tPRIMARY KEY (id), \n\tUNIQUE (digest)\n)",
    "CREATE INDEX ix_captures_body_sha256 ON captures (body_sha256)",
    "CREATE INDEX ix_captures_requested_at ON captures (requested_at)",
    "CREATE TABLE records (\n\tseq BIGINT NOT NULL, \n\tkind VARCHAR(16) NOT NULL, \n\tfeed_id INTEGER NOT NULL, \n\tarticle_id INTEGER, \n\tversion_id INTEGER, \n\tnumber INTEGER, \n\tcapture_id INTEGER, \n\ttext_hash VARCHAR(64), \n\tcapture_digest VARCHAR(64), \n\tadopted BOOLEAN NOT NULL, \n\tnote TEXT, \n\tcreated_at DATETIME NOT NULL, \n\tprev_hash VARCHAR(64), \n\trecord_hash VARCHAR(64) NOT NULL, \n\tchain_hash VARCHAR(64) NOT NULL, \n\tPRIMARY KEY (seq)\n)",
    "CREATE INDEX ix_records_article_seq ON records (article_id, seq)",
    "CREATE INDEX ix_records_created_at ON records (created_at)",
    "CREATE INDEX ix_records_version_id ON records (version_id)",
    "CREATE TABLE events (\n\tid VARCHAR(32) NOT NULL, \n\tday VARCHAR(10) NOT NULL, \n\ttitle TEXT NOT NULL, \n\tcreated_at DATETIME NOT NULL, \n\tupdated_at DATETIME NOT NULL, \n\tPRIMARY KEY (id)\n)",
    "CREATE INDEX ix_events_day ON events (day)",
    "CREATE INDEX ix_events_updated_at ON events (updated_at)",
    "CREATE TABLE event_reports (\n\tarticle_id INTEGER NOT NULL, \n\tevent_id VARCHAR(32) NOT NULL, \n\tversion INTEGER NOT NULL, \n\tday VARCHAR(10) NOT NULL, \n\tscore FLOAT NOT NULL, \n\treason VARCHAR(64) NOT NULL, \n\tfeatures TEXT NOT NULL, \n\tjoined_at DATETIME NOT NULL, \n\tPRIMARY KEY (article_id), \n\tFOREIGN KEY(article_id) REFERENCES articles (id) ON DELETE CASCADE, \n\tFOREIGN KEY(event_id) REFERENCES events (id) ON DELETE CASCADE\n)",
    "CREATE INDEX ix_event_reports_event_id ON event_reports (event_id)",
    'CREATE TABLE event_keys (\n\tarticle_id INTEGER NOT NULL, \n\t"key" VARCHAR(200) NOT NULL, \n\tday VARCHAR(10) NOT NULL, \n\tPRIMARY KEY (article_id, "key"), \n\tFOREIGN KEY(article_id) REFERENCES articles (id) ON DELETE CASCADE\n)',
    "CREATE TABLE event_findings (\n\tid VARCHAR(32) NOT NULL, \n\tevent_id VARCHAR(32) NOT NULL, \n\tkind VARCHAR(16) NOT NULL, \n\tsummary TEXT NOT NULL, \n\treports TEXT NOT NULL, \n\tdetail TEXT NOT NULL, \n\tfound_at DATETIME NOT NULL, \n\tPRIMARY KEY (id), \n\tFOREIGN KEY(event_id) REFERENCES events (id) ON DELETE CASCADE\n)",
    "CREATE INDEX ix_event_findings_event_id ON event_findings (event_id)",
    "CREATE TABLE appearances (\n\tid INTEGER NOT NULL, \n\tarticle_id INTEGER NOT NULL, \n\tfeed_id INTEGER NOT NULL, \n\tversion INTEGER NOT NULL, \n\tdate DATE NOT NULL, \n\tlanguage VARCHAR(16) NOT NULL, \n\tcanonical VARCHAR(256) NOT NULL, \n\tname VARCHAR(256) NOT NULL, \n\trole VARCHAR(16) NOT NULL, \n\tlist_index INTEGER NOT NULL, \n\tposition INTEGER NOT NULL, \n\tcolisted TEXT NOT NULL, \n\tevent_id VARCHAR(64), \n\tPRIMARY KEY (id), \n\tFOREIGN KEY(article_id) REFERENCES articles (id) ON DELETE CASCADE, \n\tFOREIGN KEY(feed_id) REFERENCES feeds (id) ON DELETE CASCADE\n)",
    "CREATE INDEX ix_appearances_article_id ON appearances (article_id)",
    "CREATE INDEX ix_appearances_date ON appearances (date)",
    "CREATE INDEX ix_appearances_canonical_date ON appearances (canonical, date)",
    "CREATE TABLE event_redirects (\n\told_id VARCHAR(32) NOT NULL, \n\tevent_id VARCHAR(32) NOT NULL, \n\tmerged_at DATETIME NOT NULL, \n\tPRIMARY KEY (old_id), \n\tFOREIGN KEY(event_id) REFERENCES events (id) ON DELETE CASCADE\n)",
    "CREATE INDEX ix_event_redirects_event_id ON event_redirects (event_id)",
    'CREATE INDEX ix_event_keys_key_day_article ON event_keys ("key", day, article_id)',
)
