-- Usage events: one row per processing of a person's data, never updated.
-- Sorted for the citizen's question (one subject, newest first). Low-cardinality columns
-- and delta-coded times keep a row to a few dozen bytes on disk.

CREATE TABLE IF NOT EXISTS usage_event (
    event_id UUID,                                   -- agency-supplied idempotency key
    logged_at DateTime64(3, 'UTC') CODEC(DoubleDelta, ZSTD(1)),
    received_at DateTime64(3, 'UTC') CODEC(DoubleDelta, ZSTD(1)),
    subject_code String CODEC(ZSTD(1)),              -- EE38001085718
    agency_code LowCardinality(String),
    system LowCardinality(String),
    action LowCardinality(String),
    purpose_code LowCardinality(String),
    legal_basis LowCardinality(String),
    actor_code LowCardinality(String),               -- official; empty for automated processing
    case_ref String CODEC(ZSTD(1)),
    data_categories Array(LowCardinality(String)),
    intermediary_code LowCardinality(String),        -- who carried the query for agency_code
    xroad_client LowCardinality(String),
    xroad_service LowCardinality(String),
    xroad_message_id String CODEC(ZSTD(1)),
    visibility Enum8('visible' = 1, 'restricted' = 2, 'sealed' = 3),
    disclose_after Nullable(DateTime64(3, 'UTC')),   -- sealed events stay hidden until then
    bulk Bool
) ENGINE = MergeTree
ORDER BY (subject_code, logged_at, event_id)
-- An acknowledged event must survive a power cut: parts are fsynced before the insert returns.
SETTINGS fsync_after_insert = 1, fsync_part_directory = 1;
