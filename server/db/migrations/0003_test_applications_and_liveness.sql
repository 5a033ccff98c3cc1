-- Applications from test terminals (device profile "test") are kept apart from real ones: marked
-- here, and every report or queue of real work filters them out.
ALTER TABLE applications ADD COLUMN is_test boolean NOT NULL DEFAULT false;
CREATE INDEX applications_real ON applications (created_at) WHERE NOT is_test;
