-- The citizen's question reads about a hundred rows of one subject. Embedded ClickHouse
-- spends far more per column file and per granule opened than per row, so usage_event is
-- rebuilt with compact parts (one data file per part, whatever its size) and 1024-row
-- granules: the same query reads one file per part and decompresses an eighth of the rows
-- (measured: 12-17 ms → 4-7 ms per citizen, for about 6 bytes more per event).
--
-- Safe to re-run after a crash at any statement: before EXCHANGE the copy is dropped and
-- made again; after it, usage_event already is the complete copy and the old table is
-- what gets dropped and rebuilt from it.

DROP TABLE IF EXISTS usage_event_rebuild;

CREATE TABLE usage_event_rebuild (
    event_id UUID,
    logged_at DateTime64(3, 'UTC') CODEC(DoubleDelta, ZSTD(1)),
    received_at DateTime64(3, 'UTC') CODEC(DoubleDelta, ZSTD(1)),
    subject_code String CODEC(ZSTD(1)),
    agency_code LowCardinality(String),
    system LowCardinality(String),
    action LowCardinality(String),
    purpose_code LowCardinality(String),
    legal_basis LowCardinality(String),
    actor_code LowCardinality(String),
    case_ref String CODEC(ZSTD(1)),
    data_categories Array(LowCardinality(String)),
    intermediary_code LowCardinality(String),
    xroad_client LowCardinality(String),
    xroad_service LowCardinality(String),
    xroad_message_id String CODEC(ZSTD(1)),
    visibility Enum8('visible' = 1, 'restricted' = 2, 'sealed' = 3),
    disclose_after Nullable(DateTime64(3, 'UTC')),
    bulk Bool
) ENGINE = MergeTree
ORDER BY (subject_code, logged_at, event_id)
SETTINGS index_granularity = 1024,
    min_bytes_for_wide_part = 1000000000000000, min_rows_for_wide_part = 1000000000000,
    fsync_after_insert = 1, fsync_part_directory = 1;

INSERT INTO usage_event_rebuild SELECT * FROM usage_event;

EXCHANGE TABLES usage_event AND usage_event_rebuild;

DROP TABLE usage_event_rebuild;
