-- Établi schema, step 30: the school's bank details (issue 21). An invoice
-- says how to pay it: the IBAN (and BIC) customers pay transfers into are
-- printed with the payment terms and written in the Factur-X file's means of
-- payment. Frozen with the seller at issue, as the rest of its identity.

-- @all
ALTER TABLE school ADD COLUMN iban TEXT NOT NULL DEFAULT '';
ALTER TABLE school ADD COLUMN bic TEXT NOT NULL DEFAULT '';
