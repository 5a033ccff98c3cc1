-- The colour challenge the back office chose for a confirmed phone's next identification
-- (POST /api/v1/identify/colour): the kiosk shows these colours, and the identification that follows
-- must carry this nonce and this sequence. Spent by that identification; a new one replaces it.
-- {"nonce": "...", "sequence": ["blue", ...], "stepMs": 300, "issuedAt": "..."}
ALTER TABLE phone_verifications ADD COLUMN colour_challenge jsonb;
