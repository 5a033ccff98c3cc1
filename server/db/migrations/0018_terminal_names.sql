-- A terminal's human name, given by the supervisor who runs it from the staff console ("ЦОН Есиль,
-- зал 1, у входа"): the id says which kiosk signs, the name says where it stands. Null until named.
-- Stored trimmed, short and on one line (server/terminals/terminal-management.ts cleanName; this
-- refuses any writer that did not).
--
-- No foreign key from terminals.centre_id to centres: the token-guarded admin route
-- (server/routes/admin.ts) enrols into any centre id, and the tests' terminals stand in centres
-- that the seed does not list ('AST-03', 'ALA-01'). The staff console's routes check the centre
-- against the staff member's scope instead.
ALTER TABLE terminals ADD COLUMN name text
  CHECK (name IS NULL OR (char_length(name) BETWEEN 1 AND 80 AND name = btrim(name) AND name !~ '[[:cntrl:]]'));
