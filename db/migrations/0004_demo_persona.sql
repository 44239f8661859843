-- Demo personas: seeded people offered on the demo sign-in page (demo mode only).

CREATE TABLE IF NOT EXISTS demo_persona (
    key String,                        -- mari, jaan, auditor, ...
    personal_code String,              -- subject code, EE-prefixed
    name String,
    description String,
    sort_order UInt16
) ENGINE = ReplacingMergeTree
ORDER BY key;
