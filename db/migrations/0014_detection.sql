-- Detection (src/lib/server/detection): what the rules need beyond migration 0012.
-- Safe to re-run after a crash at any statement (IF NOT EXISTS everywhere).

-- Purposes whose manual work goes on day and night (police shifts, emergency dispatch):
-- the off-hours rule leaves them alone.
ALTER TABLE purpose ADD COLUMN IF NOT EXISTS round_the_clock Bool DEFAULT false;

-- What explained a dropped hit, as measured values (JSON: the corroborating events by
-- other officials and by automated processing, the earliest of them), beside the words.
ALTER TABLE detection_explained ADD COLUMN IF NOT EXISTS detail String DEFAULT '{}';

-- Every run reads the events at new log positions. usage_event is sorted by subject, so
-- without this each run reads the whole position column; with a min/max per granule, the
-- parts written since the last run are found and the older ones skipped.
ALTER TABLE usage_event ADD INDEX IF NOT EXISTS usage_event_ledger_index ledger_index TYPE minmax GRANULARITY 1;

ALTER TABLE usage_event MATERIALIZE INDEX usage_event_ledger_index;
