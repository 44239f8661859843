-- Oversight (src/lib/server/oversight, src/lib/server/detection): the protected list the
-- oversight body keeps, the alerts detection raises and their triage, the hits the
-- explanation step dropped (and why), each detection run, and the events linked to a case.
-- Everything here is append-only: a change is a new row, so the whole history is kept.
-- Acknowledged writes must survive a power cut: parts are fsynced before the insert returns.

-- Which purposes need a case reference on a manual access (the no-case-reference rule).
ALTER TABLE purpose ADD COLUMN IF NOT EXISTS case_required Bool DEFAULT false;

-- The oversight body's own processing: an auditor's look-up of a person is itself a use of
-- that person's data, recorded on their timeline under this purpose.
INSERT INTO purpose (code, text_en, text_et, text_ru, legal_basis, version, case_required)
VALUES ('AKI-OVERSIGHT',
    'Supervising how authorities use your data: an inspector reviewed records of uses of your data',
    'Järelevalve andmete kasutamise üle: inspektor vaatas läbi teie andmete kasutamise kirjeid',
    'Надзор за использованием ваших данных: инспектор просмотрел записи об использовании ваших данных',
    'Personal Data Protection Act § 56', 1, true);

-- People the oversight body protects (politicians, celebrities, journalists, ...): every
-- addition and removal in order; a person is on the list when their latest row adds them.
CREATE TABLE IF NOT EXISTS protected_person (
    personal_code String,              -- subject code, country-prefixed: EE38001085718
    change Enum8('add' = 1, 'remove' = 2),
    category Enum8('politician' = 1, 'celebrity' = 2, 'journalist' = 3, 'official' = 4, 'other' = 5),
    note String,
    at DateTime64(3, 'UTC'),
    actor String                       -- the auditor who made the change
) ENGINE = MergeTree
ORDER BY (personal_code, at)
SETTINGS fsync_after_insert = 1, fsync_part_directory = 1;

-- One row per alert, written once. dedupe_key names the finding (rule, official, person or
-- window), so running detection again over the same events never raises it twice.
CREATE TABLE IF NOT EXISTS alert (
    alert_id UUID,
    rule LowCardinality(String),       -- a rule's id, e.g. self-lookup
    severity Enum8('low' = 1, 'medium' = 2, 'high' = 3),
    dedupe_key String,
    actor_code String,                 -- the official, country-prefixed ('' when the finding is about a person only)
    agency_code String,
    subject_code String,               -- the person ('' when the finding is about an official only)
    event_ids Array(UUID),             -- the evidence
    event_subjects Array(String),      -- each evidence event's subject_code, in the same order
                                       -- (usage_event is sorted by subject: the key to read them back)
    first_at DateTime64(3, 'UTC'),     -- earliest and latest evidence event
    last_at DateTime64(3, 'UTC'),
    detail String,                     -- JSON: the rule's measured values (counts, baseline, ...)
    detected_at DateTime64(3, 'UTC'),
    run_id UUID,
    INDEX alert_key_idx dedupe_key TYPE bloom_filter GRANULARITY 1,
    INDEX alert_actor_idx actor_code TYPE bloom_filter GRANULARITY 1
) ENGINE = MergeTree
ORDER BY (detected_at, alert_id)
SETTINGS fsync_after_insert = 1, fsync_part_directory = 1;

-- Triage of an alert, in order (seq 1, 2, ...): the latest row is the alert's current decision.
CREATE TABLE IF NOT EXISTS alert_triage (
    alert_id UUID,
    seq UInt32,
    at DateTime64(3, 'UTC'),
    decision Enum8('incident' = 1, 'explained' = 2, 'false_positive' = 3),
    reason String,
    actor String                       -- the auditor, country-prefixed
) ENGINE = MergeTree
ORDER BY (alert_id, seq)
SETTINGS fsync_after_insert = 1, fsync_part_directory = 1;

-- Hits the explanation step dropped instead of raising, with what explained them.
CREATE TABLE IF NOT EXISTS detection_explained (
    rule LowCardinality(String),
    dedupe_key String,
    actor_code String,
    subject_code String,
    event_ids Array(UUID),
    event_subjects Array(String),
    explanation String,                -- why, in words (e.g. the case that links them)
    case_ref String,
    recorded_at DateTime64(3, 'UTC'),
    run_id UUID
) ENGINE = MergeTree
ORDER BY (recorded_at, rule)
SETTINGS fsync_after_insert = 1, fsync_part_directory = 1;

-- Each detection run of each rule: which log positions it covered. A rule's cursor is the
-- highest to_index it finished; the next run starts there.
CREATE TABLE IF NOT EXISTS detection_run (
    run_id UUID,
    rule LowCardinality(String),
    from_index UInt64,                 -- first ledger position covered
    to_index UInt64,                   -- one past the last position covered
    started_at DateTime64(3, 'UTC'),
    finished_at DateTime64(3, 'UTC'),
    hits UInt32,
    explained UInt32,
    alerts UInt32,
    trigger Enum8('schedule' = 1, 'manual' = 2)
) ENGINE = MergeTree
ORDER BY (rule, to_index)
SETTINGS fsync_after_insert = 1, fsync_part_directory = 1;

-- Usage events linked to an oversight case (the case's own event is linked when it opens):
-- an addition or removal per row, in order.
CREATE TABLE IF NOT EXISTS case_event (
    case_id UUID,
    event_id UUID,
    subject_code String,               -- the event's person (usage_event's sort key, to read it back)
    change Enum8('link' = 1, 'unlink' = 2),
    at DateTime64(3, 'UTC'),
    actor String
) ENGINE = MergeTree
ORDER BY (case_id, at, event_id)
SETTINGS fsync_after_insert = 1, fsync_part_directory = 1;
