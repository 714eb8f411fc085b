-- Établi schema, step 10: an index found by the benchmark. The cheques
-- waiting for the bank exclude reversed payments (a NOT EXISTS on
-- payment.reverses_payment_id): without an index, each cheque scanned every
-- payment — hours at a million payments, instant with it.
CREATE INDEX payment_reverses ON payment (reverses_payment_id);
