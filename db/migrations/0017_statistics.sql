-- Statistics: the three feeds (e-signatures, e-service use, X-Road operational monitoring),
-- the rollups materialized views keep from them and from the usage log, and the releases
-- the public site reads. The category values are those of src/lib/stats/dimensions.ts.
--
-- No raw statistics table holds a personal code: a person is a keyed pseudonym
-- (person_key, an HMAC of the code under a secret kept outside ClickHouse), counted only
-- through uniq states. Raw tables are ordered by their idempotency key: they are read only
-- to find repeats (the rollups serve every question).

CREATE TABLE IF NOT EXISTS signature_event (
    event_id UUID,                             -- the sender's idempotency key
    signed_at DateTime64(3, 'UTC'),
    received_at DateTime64(3, 'UTC'),
    reporter_code String,                      -- the agency whose API key sent it (a trust service provider)
    method LowCardinality(String),             -- SIGNATURE_METHODS
    sector LowCardinality(String),             -- SECTORS: the relying party's
    container LowCardinality(String),          -- CONTAINERS
    birth_year UInt16,
    county LowCardinality(String),             -- COUNTY_NAMES
    age_band LowCardinality(String),           -- AGE_BANDS, at signed_at
    person_key UInt64
) ENGINE = MergeTree
ORDER BY event_id
SETTINGS fsync_after_insert = 1, fsync_part_directory = 1;

CREATE TABLE IF NOT EXISTS service_event (
    event_id UUID,
    used_at DateTime64(3, 'UTC'),
    received_at DateTime64(3, 'UTC'),
    agency_code String,                        -- the providing agency (the API key's)
    service LowCardinality(String),            -- the agency's service code
    channel LowCardinality(String),            -- CHANNELS
    outcome LowCardinality(String),            -- SERVICE_OUTCOMES
    age_band LowCardinality(String),
    county LowCardinality(String),
    person_key UInt64
) ENGINE = MergeTree
ORDER BY event_id
SETTINGS fsync_after_insert = 1, fsync_part_directory = 1;

-- The e-services agencies offer, for their names on the site (a code not listed shows as itself).
CREATE TABLE IF NOT EXISTS e_service (
    agency_code String,
    code String,
    name_en String,
    name_et String,
    name_ru String,
    version UInt64
) ENGINE = ReplacingMergeTree(version)
ORDER BY (agency_code, code);

-- One X-Road operational monitoring record as a security server reported it, once
-- (record_key identifies the record; a repeat is not stored). messageUserId and
-- messageIssue are dropped when the record is read: they never reach ClickHouse.
CREATE TABLE IF NOT EXISTS xroad_opmon_record (
    record_key FixedString(32),                -- SHA-256 of the record's identity (side, message, client, service)
    message_key FixedString(32),               -- SHA-256 of the message's identity (both sides share it)
    received_at DateTime64(3, 'UTC'),
    reporter_code String,
    security_server_type LowCardinality(String),   -- Client | Producer
    monitoring_data_ts DateTime('UTC'),
    request_in_ts DateTime64(3, 'UTC'),
    request_out_ts DateTime64(3, 'UTC'),
    response_in_ts DateTime64(3, 'UTC'),
    response_out_ts DateTime64(3, 'UTC'),
    client_xroad_instance LowCardinality(String),
    client_member_class LowCardinality(String),
    client_member_code String,
    client_subsystem_code String,
    service_xroad_instance LowCardinality(String),
    service_member_class LowCardinality(String),
    service_member_code String,
    service_subsystem_code String,
    service_code String,
    service_version String,
    message_id String,
    message_protocol_version String,
    request_size UInt64,
    response_size UInt64,
    succeeded Bool,
    fault_code String,
    fault_string String
) ENGINE = MergeTree
ORDER BY record_key
SETTINGS fsync_after_insert = 1, fsync_part_directory = 1;

-- One row per X-Road message, written when the first of its two records arrives (the
-- other side's record is paired with it, not counted again).
CREATE TABLE IF NOT EXISTS xroad_message (
    message_key FixedString(32),
    requested_at DateTime64(3, 'UTC'),
    client_xroad_instance LowCardinality(String),
    client_member_class LowCardinality(String),
    client_member_code String,
    client_subsystem_code String,
    service_member_class LowCardinality(String),
    service_member_code String,
    service_subsystem_code String,
    service_code String,
    succeeded Bool,
    request_size UInt64,
    response_size UInt64
) ENGINE = MergeTree
ORDER BY message_key
SETTINGS fsync_after_insert = 1, fsync_part_directory = 1;

-- Which citizens looked at their own history (one row per person and day): Data Tracker coverage.
CREATE TABLE IF NOT EXISTS citizen_visit (
    day Date,
    person_key UInt64
) ENGINE = ReplacingMergeTree
ORDER BY (day, person_key);

-- ---------------------------------------------------------------------------------------
-- Rollups. Months and years are Tallinn's. people = distinct people (uniq: exact for small
-- sets, which is where the release's threshold decides).

CREATE TABLE IF NOT EXISTS stats_signature_month (
    month Date,
    method LowCardinality(String),
    sector LowCardinality(String),
    county LowCardinality(String),
    age_band LowCardinality(String),
    signatures SimpleAggregateFunction(sum, UInt64),
    people AggregateFunction(uniq, UInt64)
) ENGINE = AggregatingMergeTree
ORDER BY (month, method, sector, county, age_band);

CREATE MATERIALIZED VIEW IF NOT EXISTS stats_signature_month_mv TO stats_signature_month AS
SELECT toStartOfMonth(signed_at, 'Europe/Tallinn') AS month, method, sector, county, age_band,
       count() AS signatures, uniqState(person_key) AS people
FROM signature_event
GROUP BY month, method, sector, county, age_band;

CREATE TABLE IF NOT EXISTS stats_service_month (
    month Date,
    agency_code String,
    service LowCardinality(String),
    channel LowCardinality(String),
    county LowCardinality(String),
    age_band LowCardinality(String),
    uses SimpleAggregateFunction(sum, UInt64),
    completed SimpleAggregateFunction(sum, UInt64),
    people AggregateFunction(uniq, UInt64)
) ENGINE = AggregatingMergeTree
ORDER BY (month, agency_code, service, channel, county, age_band);

CREATE MATERIALIZED VIEW IF NOT EXISTS stats_service_month_mv TO stats_service_month AS
SELECT toStartOfMonth(used_at, 'Europe/Tallinn') AS month, agency_code, service, channel, county, age_band,
       count() AS uses, countIf(outcome = 'completed') AS completed, uniqState(person_key) AS people
FROM service_event
GROUP BY month, agency_code, service, channel, county, age_band;

-- eID adoption: who signed or used an e-service in a year, from both feeds.
CREATE TABLE IF NOT EXISTS stats_adoption_year (
    year UInt16,
    county LowCardinality(String),
    age_band LowCardinality(String),
    people AggregateFunction(uniq, UInt64)
) ENGINE = AggregatingMergeTree
ORDER BY (year, county, age_band);

CREATE MATERIALIZED VIEW IF NOT EXISTS stats_adoption_signature_mv TO stats_adoption_year AS
SELECT toUInt16(toYear(signed_at, 'Europe/Tallinn')) AS year, county, age_band, uniqState(person_key) AS people
FROM signature_event
GROUP BY year, county, age_band;

CREATE MATERIALIZED VIEW IF NOT EXISTS stats_adoption_service_mv TO stats_adoption_year AS
SELECT toUInt16(toYear(used_at, 'Europe/Tallinn')) AS year, county, age_band, uniqState(person_key) AS people
FROM service_event
GROUP BY year, county, age_band;

-- Data exchange between members over X-Road, per message (not per record).
CREATE TABLE IF NOT EXISTS stats_exchange_month (
    month Date,
    client_xroad_instance LowCardinality(String),
    client_member_class LowCardinality(String),
    client_member_code String,
    service_member_class LowCardinality(String),
    service_member_code String,
    messages SimpleAggregateFunction(sum, UInt64),
    succeeded SimpleAggregateFunction(sum, UInt64),
    bytes SimpleAggregateFunction(sum, UInt64)
) ENGINE = AggregatingMergeTree
ORDER BY (month, client_xroad_instance, client_member_class, client_member_code, service_member_class, service_member_code);

CREATE MATERIALIZED VIEW IF NOT EXISTS stats_exchange_month_mv TO stats_exchange_month AS
SELECT toStartOfMonth(requested_at, 'Europe/Tallinn') AS month, client_xroad_instance, client_member_class, client_member_code,
       service_member_class, service_member_code,
       count() AS messages, countIf(succeeded) AS succeeded, sum(request_size + response_size) AS bytes
FROM xroad_message
GROUP BY month, client_xroad_instance, client_member_class, client_member_code, service_member_class, service_member_code;

-- Data Tracker coverage: agencies reporting usage, citizens looking, flags, case outcomes.
CREATE TABLE IF NOT EXISTS stats_usage_month (
    month Date,
    agency_code String,
    events SimpleAggregateFunction(sum, UInt64),
    people AggregateFunction(uniq, String)
) ENGINE = AggregatingMergeTree
ORDER BY (month, agency_code);

CREATE MATERIALIZED VIEW IF NOT EXISTS stats_usage_month_mv TO stats_usage_month AS
SELECT toStartOfMonth(logged_at, 'Europe/Tallinn') AS month, agency_code, count() AS events, uniqState(subject_code) AS people
FROM usage_event
GROUP BY month, agency_code;

CREATE TABLE IF NOT EXISTS stats_visit_month (
    month Date,
    people AggregateFunction(uniq, UInt64)
) ENGINE = AggregatingMergeTree
ORDER BY month;

CREATE MATERIALIZED VIEW IF NOT EXISTS stats_visit_month_mv TO stats_visit_month AS
SELECT toStartOfMonth(day) AS month, uniqState(person_key) AS people
FROM citizen_visit
GROUP BY month;

CREATE TABLE IF NOT EXISTS stats_flag_month (
    month Date,
    kind LowCardinality(String),
    flags SimpleAggregateFunction(sum, UInt64),
    people AggregateFunction(uniq, String)
) ENGINE = AggregatingMergeTree
ORDER BY (month, kind);

CREATE MATERIALIZED VIEW IF NOT EXISTS stats_flag_month_mv TO stats_flag_month AS
SELECT toStartOfMonth(created_at, 'Europe/Tallinn') AS month, toString(kind) AS kind, count() AS flags, uniqState(flagged_by) AS people
FROM flag
GROUP BY month, kind;

-- A case is closed once (closed cases never change), so counting closing rows counts cases.
CREATE TABLE IF NOT EXISTS stats_case_month (
    month Date,
    source LowCardinality(String),
    outcome LowCardinality(String),
    cases SimpleAggregateFunction(sum, UInt64),
    people AggregateFunction(uniq, String)
) ENGINE = AggregatingMergeTree
ORDER BY (month, source, outcome);

CREATE MATERIALIZED VIEW IF NOT EXISTS stats_case_month_mv TO stats_case_month AS
SELECT toStartOfMonth(h.at, 'Europe/Tallinn') AS month, toString(c.source) AS source, toString(h.outcome) AS outcome,
       count() AS cases, uniqState(c.subject_code) AS people
FROM case_history AS h
INNER JOIN oversight_case AS c ON c.case_id = h.case_id
WHERE h.state = 'closed'
GROUP BY month, source, outcome;

-- Rows stored before these views existed.
INSERT INTO stats_usage_month
SELECT toStartOfMonth(logged_at, 'Europe/Tallinn') AS month, agency_code, count() AS events, uniqState(subject_code) AS people
FROM usage_event
WHERE NOT EXISTS (SELECT 1 FROM stats_usage_month LIMIT 1)
GROUP BY month, agency_code;

INSERT INTO stats_flag_month
SELECT toStartOfMonth(created_at, 'Europe/Tallinn') AS month, toString(kind) AS kind, count() AS flags, uniqState(flagged_by) AS people
FROM flag
WHERE NOT EXISTS (SELECT 1 FROM stats_flag_month LIMIT 1)
GROUP BY month, kind;

INSERT INTO stats_case_month
SELECT toStartOfMonth(h.at, 'Europe/Tallinn') AS month, toString(c.source) AS source, toString(h.outcome) AS outcome,
       count() AS cases, uniqState(c.subject_code) AS people
FROM case_history AS h
INNER JOIN oversight_case AS c ON c.case_id = h.case_id
WHERE h.state = 'closed' AND NOT EXISTS (SELECT 1 FROM stats_case_month LIMIT 1)
GROUP BY month, source, outcome;

-- ---------------------------------------------------------------------------------------
-- Releases: what the public site and the open-data files show. A release is computed from
-- the rollups (suppression, and noise when it is a differentially private one) and never
-- changes afterwards; the site reads the latest.

CREATE TABLE IF NOT EXISTS stats_release (
    release_id UInt32,
    created_at DateTime64(3, 'UTC'),
    method LowCardinality(String),             -- 'suppression' | 'dp' (noise, then the same suppression)
    min_people UInt16,                         -- the threshold applied
    epsilon Float64,                           -- per released figure; 0 without noise
    epsilon_per_person Float64,                -- what one person's data can cost under composition; 0 without noise
    cells UInt32,
    suppressed UInt32
) ENGINE = MergeTree
ORDER BY release_id
SETTINGS fsync_after_insert = 1, fsync_part_directory = 1;

-- One released figure. Dimensions d1..d4 are the dataset's, in its documented order;
-- '*' is the total over that dimension, '' a dimension the dataset does not have.
-- A suppressed cell keeps no value (value and people are 0): the true figure is not stored.
CREATE TABLE IF NOT EXISTS stats_release_cell (
    release_id UInt32,
    dataset LowCardinality(String),            -- signatures | services | adoption | exchange | coverage
    period String,                             -- 'YYYY-MM' (month) or 'YYYY' (year)
    d1 String,
    d2 String,
    d3 String,
    d4 String,
    value UInt64,                              -- the dataset's count (signatures, uses, messages, ...)
    people UInt64,                             -- distinct people in it (0 where the dataset counts no people)
    base UInt64,                               -- a denominator where the dataset has one (adoption: population)
    suppressed Bool
) ENGINE = MergeTree
ORDER BY (release_id, dataset, period, d1, d2, d3, d4)
SETTINGS fsync_after_insert = 1, fsync_part_directory = 1;
