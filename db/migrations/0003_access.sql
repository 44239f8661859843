-- Who may do what: role grants, browser sessions (lucia-style: only the SHA-256 of the
-- token is stored) and agencies' API keys (only the SHA-256 of the secret is stored).

CREATE TABLE IF NOT EXISTS role_grant (
    personal_code String,              -- subject code, country-prefixed: EE38001085718
    role Enum8('citizen' = 1, 'auditor' = 2, 'analyst' = 3, 'agency' = 4, 'admin' = 5),
    agency_code String,                -- for the agency role: which agency
    granted_at DateTime64(3, 'UTC'),
    revoked Bool,
    version UInt64
) ENGINE = ReplacingMergeTree(version)
ORDER BY (personal_code, role, agency_code);

CREATE TABLE IF NOT EXISTS session (
    id String,                         -- hex SHA-256 of the session token
    personal_code String,              -- subject code, country-prefixed
    created_at DateTime64(3, 'UTC'),
    expires_at DateTime64(3, 'UTC'),
    revoked Bool,
    version UInt64
) ENGINE = ReplacingMergeTree(version)
ORDER BY id
TTL toDateTime(expires_at) + INTERVAL 30 DAY DELETE;

CREATE TABLE IF NOT EXISTS api_key (
    key_id String,                     -- public part of the key, used to look it up
    secret_hash String,                -- hex SHA-256 of the whole key
    agency_code String,
    kind Enum8('agency' = 1, 'portal' = 2),
    name String,
    created_at DateTime64(3, 'UTC'),
    revoked Bool,
    version UInt64
) ENGINE = ReplacingMergeTree(version)
ORDER BY key_id;
