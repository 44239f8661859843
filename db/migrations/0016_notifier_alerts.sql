-- "Only unusual uses" follows the oversight body's detection: the notifier announces the
-- uses that alerts name as evidence. alerts_until is how far (by detected_at) it has read
-- the alert table; a cursor made before this starts at the epoch, and the announcement
-- keys keep anything already announced from being announced again.
ALTER TABLE notifier_cursor ADD COLUMN IF NOT EXISTS alerts_until DateTime64(3, 'UTC') DEFAULT toDateTime64(0, 3, 'UTC');
