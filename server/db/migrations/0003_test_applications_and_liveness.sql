-- Applications from test terminals (device profile "test") are kept apart from real ones: marked
-- here, and every report or queue of real work filters them out.
ALTER TABLE applications ADD COLUMN is_test boolean NOT NULL DEFAULT false;
CREATE INDEX applications_real ON applications (created_at) WHERE NOT is_test;

-- The liveness evidence the kiosk sent with the face (src/protocol/liveness.ts): with the
-- identification it passed, and copied into the application that identification leads to, so an
-- auditor sees how each applicant's face was accepted and under which thresholds.
ALTER TABLE identifications ADD COLUMN liveness jsonb;
ALTER TABLE applications ADD COLUMN liveness jsonb;
