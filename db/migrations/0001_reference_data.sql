-- Reference data: who processes data (agencies, their information systems, officials),
-- why (the purpose catalogue) and about whom (a population-register snapshot).
-- Versioned rows: a change is a new row with a higher version; history is kept.

CREATE TABLE IF NOT EXISTS agency (
    code String,                       -- 8-digit registry code
    name String,
    name_et String,
    kind LowCardinality(String),       -- ministry, board, local_government, ...
    version UInt64
) ENGINE = ReplacingMergeTree(version)
ORDER BY code;

CREATE TABLE IF NOT EXISTS information_system (
    agency_code String,
    code String,                       -- the value agencies send as usage_event.system
    name String,
    version UInt64
) ENGINE = ReplacingMergeTree(version)
ORDER BY (agency_code, code);

CREATE TABLE IF NOT EXISTS purpose (
    code String,
    text_en String,                    -- plain-language purpose shown to citizens
    text_et String,
    legal_basis String,
    version UInt64
) ENGINE = ReplacingMergeTree(version)
ORDER BY code;

CREATE TABLE IF NOT EXISTS official (
    personal_code String,
    agency_code String,
    title String,
    employed_from Date,
    employed_to Nullable(Date),        -- NULL while employed
    version UInt64
) ENGINE = ReplacingMergeTree(version)
ORDER BY (agency_code, personal_code, employed_from);

CREATE TABLE IF NOT EXISTS person (
    personal_code String,              -- 11 digits, no country prefix
    first_name String,
    last_name String,
    birth_date Date32,
    sex Enum8('M' = 1, 'F' = 2),
    county LowCardinality(String),
    household_id UInt32,
    mother_code String,
    father_code String,
    version UInt64
) ENGINE = ReplacingMergeTree(version)
ORDER BY personal_code;
