-- Money in integer tiyn (1 ₸ = 100 tiyn): 0.2 MRP of 3,932 ₸ is 786.40 ₸, which whole tenge lost.
-- Every stored amount was whole tenge, so each is multiplied by 100 and its column renamed, so that
-- no code of before (or after) can read one unit as the other. The MRP stays whole tenge a year.

-- Fees are at most 1,000,000 ₸ (MAX_FEE_TIYN): 100,000,000 tiyn still fits an integer.
ALTER TABLE payments RENAME COLUMN amount_kzt TO amount_tiyn;
ALTER TABLE payments RENAME CONSTRAINT payments_amount_kzt_check TO payments_amount_tiyn_check;
UPDATE payments SET amount_tiyn = amount_tiyn * 100;

ALTER TABLE applications RENAME COLUMN fee_kzt TO fee_tiyn;
UPDATE applications SET fee_tiyn = fee_tiyn * 100;

-- A tester may have paid any QR up to 2³¹ − 1 ₸ in the sandbox; in tiyn that needs a bigint.
ALTER TABLE sandbox_payments RENAME COLUMN amount_kzt TO amount_tiyn;
ALTER TABLE sandbox_payments ALTER COLUMN amount_tiyn TYPE bigint USING amount_tiyn::bigint * 100;

-- The payloads kept beside their packets are what the settle and re-check jobs read again:
-- they take the packet schema of now, whose fee is application.feeTiyn.
UPDATE packets
SET payload = jsonb_set(payload #- '{application,feeKzt}', '{application,feeTiyn}', to_jsonb((payload #>> '{application,feeKzt}')::bigint * 100))
WHERE payload -> 'application' ? 'feeKzt';
