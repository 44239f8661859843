-- Citizens' flags and the oversight cases they open (src/lib/server/cases). Append-only: no
-- row is ever updated. A case's state is its latest case_history row (highest seq); a flag
-- belongs to the case it opened or joined. Issue 5's case workflow (assignee, notes,
-- investigation, outcome) appends case_history rows; cases from alerts use the same tables.
-- Acknowledged writes must survive a power cut: parts are fsynced before the insert returns.

-- One row per case, written once when the case is opened.
CREATE TABLE IF NOT EXISTS oversight_case (
    case_id UUID,
    opened_at DateTime64(3, 'UTC'),
    source Enum8('flag' = 1, 'alert' = 2),
    event_id UUID,                     -- the usage event the case is about (a flag's event; an alert's first evidence event)
    subject_code String,               -- whose data the event used
    alert_id String,                   -- the alert that opened it ('' for a flag)
    opened_by String                   -- personal code of who caused the opening (the flagger, or the auditor)
) ENGINE = MergeTree
ORDER BY (event_id, opened_at, case_id)
SETTINGS fsync_after_insert = 1, fsync_part_directory = 1;

-- Every change of a case: its state, outcome, assignee and a note, in order (seq 1, 2, ...).
CREATE TABLE IF NOT EXISTS case_history (
    case_id UUID,
    seq UInt32,                        -- 1 for the opening row; each later row one more
    at DateTime64(3, 'UTC'),
    state Enum8('new' = 1, 'investigating' = 2, 'closed' = 3),
    outcome Enum8('' = 0, 'justified' = 1, 'misuse' = 2, 'inconclusive' = 3),  -- set only when closed
    assignee String,                   -- personal code of the auditor on the case ('' for nobody)
    note String,
    actor String                       -- personal code of who recorded the row
) ENGINE = MergeTree
ORDER BY (case_id, seq)
SETTINGS fsync_after_insert = 1, fsync_part_directory = 1;

-- One row per flag a citizen (or a parent for a minor child) raised on an event.
CREATE TABLE IF NOT EXISTS flag (
    flag_id UUID,
    event_id UUID,
    subject_code String,               -- whose data the event used
    flagged_by String,                 -- personal code of the signed-in person who flagged
    kind Enum8('unrecognised' = 1, 'unjustified' = 2),
    comment String,
    case_id UUID,
    created_at DateTime64(3, 'UTC'),
    submission_id UUID,                -- the flag form's one-time token: a repeated submit stores nothing new
    -- The auditors' question "which flags are in this case" without reading every flag.
    INDEX flag_case_idx case_id TYPE bloom_filter GRANULARITY 1
) ENGINE = MergeTree
ORDER BY (subject_code, created_at, flag_id)
SETTINGS fsync_after_insert = 1, fsync_part_directory = 1;
