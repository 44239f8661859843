-- Notifications (src/lib/server/notifications): each person's preference, the messages
-- made for them (the in-app inbox and the e-mail outbox in one row), when they last looked
-- at their inbox, and how far the notifier has read the log.

-- A person's choice, versioned: a change is a new row with a higher version.
CREATE TABLE IF NOT EXISTS notification_preference (
    subject_code String,
    mode Enum8('none' = 0, 'every' = 1, 'unusual' = 2, 'agencies' = 3, 'digest' = 4),
    agencies Array(String),            -- registry codes, for mode 'agencies'
    email String,                      -- empty: in-app inbox only
    lang LowCardinality(String),       -- et, en, ru: the language messages are written in
    updated_at DateTime64(3, 'UTC'),
    updated_by String,                 -- who saved it (a parent may act for a child)
    version UInt64
) ENGINE = ReplacingMergeTree(version)
ORDER BY subject_code
SETTINGS fsync_after_insert = 1, fsync_part_directory = 1;

-- One message to one person. announcement_keys holds a deterministic key per event (or
-- week) it announces: the notifier records a message, with its keys, before it sends the
-- e-mail, and skips any key already recorded, so nothing is announced twice under one
-- preference, across restarts too. mail_state moves none/pending → sent (or failed) in
-- later versions of the same row.
CREATE TABLE IF NOT EXISTS notification (
    subject_code String,
    id String,                         -- hex, derived from the announcement keys
    created_at DateTime64(3, 'UTC'),
    kind Enum8('events' = 1, 'digest' = 2),
    preference Enum8('none' = 0, 'every' = 1, 'unusual' = 2, 'agencies' = 3, 'digest' = 4),
    announcement_keys Array(String),
    payload String,                    -- JSON: only what the person may see (citizen-view rules)
    email String,
    lang LowCardinality(String),
    mail_state Enum8('none' = 0, 'pending' = 1, 'sent' = 2, 'failed' = 3),
    mail_attempts UInt16,
    version UInt64
) ENGINE = ReplacingMergeTree(version)
ORDER BY (subject_code, id)
SETTINGS fsync_after_insert = 1, fsync_part_directory = 1;

-- When the person (or their representative) last opened the inbox: what is newer is "new".
CREATE TABLE IF NOT EXISTS notification_inbox_visit (
    subject_code String,
    visited_at DateTime64(3, 'UTC'),
    version UInt64
) ENGINE = ReplacingMergeTree(version)
ORDER BY subject_code;

-- The notifier's place in the log: events with ledger_index below next_index are done,
-- sealed events disclosed up to disclosed_until are done, digests up to digest_week are made.
CREATE TABLE IF NOT EXISTS notifier_cursor (
    name String,
    next_index UInt64,
    disclosed_until DateTime64(3, 'UTC'),
    digest_week String,                -- ISO week, Tallinn time: 2026-W05
    version UInt64
) ENGINE = ReplacingMergeTree(version)
ORDER BY name
SETTINGS fsync_after_insert = 1, fsync_part_directory = 1;
