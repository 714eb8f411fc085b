-- Établi schema, step 19: gifts as the Cerfa models describe them
-- (../docs/decisions.md, 34). A gift has its form (authentic deed, private
-- deed, declaration of a manual gift, other) and its nature (cash, listed
-- securities, other goods or services, expenses waived by a volunteer —
-- abandon de frais), with, when it is not money, how it was valued and the
-- proof kept; a receipt line freezes them. A company's receipt (Cerfa 16216)
-- names its legal form: contacts get one, and receipts freeze it; the hash of
-- a receipt issued from now on covers these (hash_version 3).
--
-- SQLite cannot change a CHECK constraint: donation and tax_receipt are
-- rebuilt with the same rows, foreign keys checked afterwards (the runner
-- switches them off around this step, as SQLite's documentation asks).
-- etabli: rebuilds-tables

ALTER TABLE contact ADD COLUMN legal_form TEXT NOT NULL DEFAULT '';

ALTER TABLE tax_receipt_line ADD COLUMN form TEXT NOT NULL DEFAULT '';
ALTER TABLE tax_receipt_line ADD COLUMN valuation TEXT NOT NULL DEFAULT '';
ALTER TABLE tax_receipt_line ADD COLUMN proof TEXT NOT NULL DEFAULT '';

-- @sqlite
CREATE TABLE donation_rebuilt (
    id {{ID}},
    contact_id {{REF}} NOT NULL REFERENCES contact (id),
    day TEXT NOT NULL CHECK (day LIKE '____-__-__'),
    amount_cents {{INT64}} NOT NULL CHECK (amount_cents > 0),
    method TEXT NOT NULL CHECK (method IN ('cash', 'cheque', 'transfer', 'card', 'other')),
    nature TEXT NOT NULL DEFAULT 'cash' CHECK (nature IN ('cash', 'securities', 'in_kind', 'expenses_waived')),
    description TEXT NOT NULL DEFAULT '',
    purpose TEXT NOT NULL DEFAULT '',
    receipt_id {{REF}} REFERENCES tax_receipt (id),
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    form TEXT NOT NULL DEFAULT 'other' CHECK (form IN ('authentic_deed', 'private_deed', 'manual_declaration', 'other')),
    valuation TEXT NOT NULL DEFAULT '',
    proof TEXT NOT NULL DEFAULT '',
    CHECK (nature = 'cash' OR length(trim(description)) > 0),
    CHECK (nature <> 'expenses_waived' OR length(trim(proof)) > 0)
);
INSERT INTO donation_rebuilt (id, contact_id, day, amount_cents, method, nature, description, purpose, receipt_id,
                              version, created_at, updated_at)
    SELECT id, contact_id, day, amount_cents, method, nature, description, purpose, receipt_id, version, created_at,
           updated_at FROM donation;
DROP TABLE donation;
ALTER TABLE donation_rebuilt RENAME TO donation;
CREATE INDEX donation_contact ON donation (contact_id, day);
CREATE INDEX donation_day ON donation (day);

CREATE TABLE tax_receipt_rebuilt (
    id {{ID}},
    kind TEXT NOT NULL CHECK (kind IN ('receipt', 'cancellation')),
    number TEXT NOT NULL UNIQUE,
    year INTEGER NOT NULL,
    sequence INTEGER NOT NULL,
    contact_id {{REF}} NOT NULL REFERENCES contact (id),
    cancels_receipt_id {{REF}} UNIQUE REFERENCES tax_receipt (id),
    issue_date TEXT NOT NULL CHECK (issue_date LIKE '____-__-__'),
    donor_name TEXT NOT NULL,
    donor_address TEXT NOT NULL DEFAULT '',
    donor_company INTEGER NOT NULL DEFAULT 0 CHECK (donor_company IN (0, 1)),
    donor_siren TEXT NOT NULL DEFAULT '',
    total_cents {{INT64}} NOT NULL CHECK (total_cents > 0),
    reason TEXT NOT NULL DEFAULT '',
    sealed INTEGER NOT NULL DEFAULT 0 CHECK (sealed IN (0, 1)),
    chain_position INTEGER NOT NULL UNIQUE,
    prev_hash TEXT NOT NULL DEFAULT '',
    hash TEXT UNIQUE,
    issued_at TEXT NOT NULL,
    issued_by TEXT NOT NULL,
    beneficiary TEXT NOT NULL DEFAULT '',
    signatory_name TEXT NOT NULL DEFAULT '',
    signatory_capacity TEXT NOT NULL DEFAULT '',
    hash_version INTEGER NOT NULL DEFAULT 1 CHECK (hash_version IN (1, 2, 3)),
    donor_legal_form TEXT NOT NULL DEFAULT '',
    UNIQUE (year, sequence),
    CHECK (kind = 'receipt' OR (cancels_receipt_id IS NOT NULL AND length(trim(reason)) > 0)),
    CHECK (sealed = 0 OR hash IS NOT NULL)
);
INSERT INTO tax_receipt_rebuilt (id, kind, number, year, sequence, contact_id, cancels_receipt_id, issue_date,
                                 donor_name, donor_address, donor_company, donor_siren, total_cents, reason, sealed,
                                 chain_position, prev_hash, hash, issued_at, issued_by, beneficiary, signatory_name,
                                 signatory_capacity, hash_version)
    SELECT id, kind, number, year, sequence, contact_id, cancels_receipt_id, issue_date, donor_name, donor_address,
           donor_company, donor_siren, total_cents, reason, sealed, chain_position, prev_hash, hash, issued_at,
           issued_by, beneficiary, signatory_name, signatory_capacity, hash_version FROM tax_receipt;
DROP TABLE tax_receipt;
ALTER TABLE tax_receipt_rebuilt RENAME TO tax_receipt;
CREATE INDEX tax_receipt_contact ON tax_receipt (contact_id);

CREATE TRIGGER tax_receipt_sealed_no_update BEFORE UPDATE ON tax_receipt WHEN OLD.sealed = 1
BEGIN
    SELECT RAISE(ABORT, 'an issued tax receipt cannot be changed');
END;

CREATE TRIGGER tax_receipt_sealed_no_delete BEFORE DELETE ON tax_receipt WHEN OLD.sealed = 1
BEGIN
    SELECT RAISE(ABORT, 'an issued tax receipt cannot be deleted');
END;

-- @postgresql
ALTER TABLE donation DROP CONSTRAINT donation_nature_check;
ALTER TABLE donation ADD CONSTRAINT donation_nature_check
    CHECK (nature IN ('cash', 'securities', 'in_kind', 'expenses_waived'));
ALTER TABLE donation ADD COLUMN form TEXT NOT NULL DEFAULT 'other'
    CHECK (form IN ('authentic_deed', 'private_deed', 'manual_declaration', 'other'));
ALTER TABLE donation ADD COLUMN valuation TEXT NOT NULL DEFAULT '';
ALTER TABLE donation ADD COLUMN proof TEXT NOT NULL DEFAULT '';
ALTER TABLE donation ADD CONSTRAINT donation_waiver_proof CHECK (nature <> 'expenses_waived' OR length(trim(proof)) > 0);

ALTER TABLE tax_receipt DROP CONSTRAINT tax_receipt_hash_version_check;
ALTER TABLE tax_receipt ADD CONSTRAINT tax_receipt_hash_version_check CHECK (hash_version IN (1, 2, 3));
ALTER TABLE tax_receipt ADD COLUMN donor_legal_form TEXT NOT NULL DEFAULT '';
