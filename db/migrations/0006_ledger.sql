-- The tamper-evident ledger (src/lib/server/ledger). Every usage event gets its position in
-- the Merkle log, ledger_index, in its own row: positions are assigned by the writer as it
-- commits, so a stored event always has one. Events stored before this migration are
-- numbered here, in the order they were received; their leaves and tiles are made by the
-- server at start-up (the ledger catches up with usage_event whenever it is behind).
--
-- Safe to re-run after a crash at any statement, like 0005: the numbering is a function of
-- the rows, so a second run numbers them the same.

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
    bulk Bool,
    -- Within one person's rows positions grow: deltas are small and compress.
    ledger_index UInt64 CODEC(Delta, ZSTD(3))
) ENGINE = MergeTree
ORDER BY (subject_code, logged_at, event_id)
SETTINGS index_granularity = 2048,
    min_bytes_for_wide_part = 1000000000000000, min_rows_for_wide_part = 1000000000000,
    fsync_after_insert = 1, fsync_part_directory = 1;

INSERT INTO usage_event_rebuild
SELECT event_id, logged_at, received_at, subject_code, agency_code, system, action, purpose_code, legal_basis,
    actor_code, case_ref, data_categories, intermediary_code, xroad_client, xroad_service, xroad_message_id,
    visibility, disclose_after, bulk,
    row_number() OVER (ORDER BY received_at, logged_at, event_id) - 1
FROM usage_event;

EXCHANGE TABLES usage_event AND usage_event_rebuild;

DROP TABLE usage_event_rebuild;

-- Stored interior nodes, as C2SP tlog-tiles has them: tile (level, idx) holds up to 256
-- hashes of the nodes at height 8 * level, from position 256 * idx. A partial tile is
-- written again, wider, as the log grows; the widest version is the one that counts.
-- Not fsynced: tiles are derived from usage_event, and the server recomputes whatever a
-- crash lost before it signs anything (a checkpoint is only signed over written tiles).
-- A proof reads a few tiles of 8 KB each: granules of 16 tiles (not ClickHouse's default of
-- up to 10 MB) keep each read to what it needs.
CREATE TABLE IF NOT EXISTS ledger_tile (
    level UInt8,
    idx UInt64,
    width UInt16,
    hashes String CODEC(NONE)
) ENGINE = ReplacingMergeTree(width)
ORDER BY (level, idx)
SETTINGS index_granularity = 16, index_granularity_bytes = 131072;

-- Every signed checkpoint (C2SP tlog-checkpoint as a signed note), one per log size.
CREATE TABLE IF NOT EXISTS ledger_checkpoint (
    size UInt64,
    root FixedString(32),
    note String,
    signed_at DateTime64(3, 'UTC')
) ENGINE = ReplacingMergeTree
ORDER BY size
SETTINGS fsync_after_insert = 1, fsync_part_directory = 1;

-- Witnesses' cosignatures (C2SP tlog-cosignature) of checkpoints, the latest per witness
-- and size; served with the checkpoint as extra signature lines.
CREATE TABLE IF NOT EXISTS ledger_cosignature (
    size UInt64,
    witness String,
    line String,
    cosigned_at DateTime('UTC'),
    received_at DateTime64(3, 'UTC')
) ENGINE = ReplacingMergeTree(cosigned_at)
ORDER BY (size, witness)
SETTINGS fsync_after_insert = 1, fsync_part_directory = 1;
