-- The ICAO measures of the frame each document portrait was cut from (src/protocol/photo-quality.ts)
-- and the limits' version it passed: the portrait is taken with no operator looking, so an auditor
-- can see why it was accepted.
ALTER TABLE applications ADD COLUMN photo_quality jsonb;
