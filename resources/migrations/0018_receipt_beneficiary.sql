-- Établi schema, step 18: the beneficiary of tax receipts as data
-- (../docs/decisions.md, 33). The association's statutory object and who
-- signs the receipts (name and capacity) are settings, no longer written in
-- the code; an issued receipt freezes the beneficiary block it printed and
-- its signatory, covered by its hash (hash_version 2), so that a reprint after
-- the settings changed is the same receipt.

ALTER TABLE school ADD COLUMN statutory_object TEXT NOT NULL DEFAULT '';
ALTER TABLE school ADD COLUMN receipt_signatory_name TEXT NOT NULL DEFAULT '';
ALTER TABLE school ADD COLUMN receipt_signatory_capacity TEXT NOT NULL DEFAULT '';

ALTER TABLE tax_receipt ADD COLUMN beneficiary TEXT NOT NULL DEFAULT '';
ALTER TABLE tax_receipt ADD COLUMN signatory_name TEXT NOT NULL DEFAULT '';
ALTER TABLE tax_receipt ADD COLUMN signatory_capacity TEXT NOT NULL DEFAULT '';
ALTER TABLE tax_receipt ADD COLUMN hash_version INTEGER NOT NULL DEFAULT 1 CHECK (hash_version IN (1, 2));
