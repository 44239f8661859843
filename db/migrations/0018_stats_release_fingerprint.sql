-- What a release was computed from (a hash over the rollups' merged content, the register's
-- cohorts and the month), so the server releases again only when that changed.
ALTER TABLE stats_release ADD COLUMN IF NOT EXISTS fingerprint String DEFAULT '';
