-- A case's message to the person whose data it is about (src/lib/server/cases): written by
-- an auditor with a workflow step, shown on the person's "My flags" (the latest one given).
-- Existing history rows have none.
ALTER TABLE case_history ADD COLUMN IF NOT EXISTS note_to_person String DEFAULT '' AFTER note;
