-- The citizen's question reads about a hundred rows of one subject. Embedded ClickHouse
-- spends far more per column file and per granule opened than per row, so usage_event is
-- rebuilt with compact parts (one data file per part, whatever its size) and 2048-row
-- granules: the same query reads one file per part and decompresses a quarter of the rows
-- (measured on 11 parts of 2 M events: 16.8 → 9.6 ms per citizen). Compact parts compress
-- each granule on its own, which costs disk; ZSTD(3) instead of ZSTD(1) wins most of it
-- back (1 M events merged: 50.8 bytes an event before, 54.4 after, at the same CPU cost).
--
-- Safe to re-run after a crash at any statement: before EXCHANGE the copy is dropped and
-- made again; after it, usage_event already is the complete copy and the old table is
-- what gets dropped and rebuilt from it.

DROP TABLE IF EXISTS usage_event_rebuild;

CREATE TABLE usage_event_rebuild (
    event_id UUID,
    logged_at DateTime64(3, 'UTC') CODEC(DoubleDelta, ZSTD(3)),
    received_at DateTime64(3, 'UTC') CODEC(DoubleDelta, ZSTD(3)),
    subject_code String CODEC(ZSTD(3)),
    agency_code LowCardinality(String),
    system LowCardinality(String),
    action LowCardinality(String),
    purpose_code LowCardinality(String),
    legal_basis LowCardinality(String),
    actor_code LowCardinality(String),
    case_ref String CODEC(ZSTD(3)),
    data_categories Array(LowCardinality(String)),
    intermediary_code LowCardinality(String),
    xroad_client LowCardinality(String),
    xroad_service LowCardinality(String),
    xroad_message_id String CODEC(ZSTD(3)),
    visibility Enum8('visible' = 1, 'restricted' = 2, 'sealed' = 3),
    disclose_after Nullable(DateTime64(3, 'UTC')),
    bulk Bool
) ENGINE = MergeTree
ORDER BY (subject_code, logged_at, event_id)
SETTINGS index_granularity = 2048,
    min_bytes_for_wide_part = 1000000000000000, min_rows_for_wide_part = 1000000000000,
    fsync_after_insert = 1, fsync_part_directory = 1;

INSERT INTO usage_event_rebuild SELECT * FROM usage_event;

EXCHANGE TABLES usage_event AND usage_event_rebuild;

DROP TABLE usage_event_rebuild;
