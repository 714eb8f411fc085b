-- Établi schema, step 16: invoices that hold up before the tax office
-- (../docs/decisions.md, 30). Three VAT regimes; the legal amounts (franchise
-- thresholds, cash ceiling) as data with their year and source; an issued
-- invoice keeps the seller as it was and the mentions it printed, covered by
-- its hash (hash_version 2 also covers the notes, who issued it and when);
-- the mentions of art. 242 nonies A and L441-9 (date or period of the
-- service, the buyer's own reference, delivery address, nature of the
-- operations, public procurement's Chorus Pro numbers); every print recorded,
-- so that the second one says "Duplicata".

CREATE TABLE legal_amount (
    code TEXT PRIMARY KEY CHECK (code IN ('franchise_goods', 'franchise_services', 'association_franchise',
                                          'cash_ceiling')),
    amount_cents {{INT64}} NOT NULL CHECK (amount_cents > 0),
    year INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2200),
    source TEXT NOT NULL CHECK (length(trim(source)) > 0),
    version INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL DEFAULT ''
);
INSERT INTO legal_amount (code, amount_cents, year, source) VALUES
    ('franchise_goods', 8500000, 2025, 'Art. 293 B du CGI (loi n° 2025-1044) : ventes de biens et hébergement'),
    ('franchise_services', 3750000, 2025, 'Art. 293 B du CGI (loi n° 2025-1044) : prestations de services'),
    ('association_franchise', 7859600, 2024, 'Art. 206-1 bis et 261-7-1° b du CGI : recettes lucratives accessoires'),
    ('cash_ceiling', 100000, 2015, 'Art. L112-6 et D112-3 du Code monétaire et financier (débiteur domicilié en France)');

ALTER TABLE school ADD COLUMN vat_on_debits INTEGER NOT NULL DEFAULT 0 CHECK (vat_on_debits IN (0, 1));

ALTER TABLE invoice ADD COLUMN seller TEXT NOT NULL DEFAULT '';
ALTER TABLE invoice ADD COLUMN customer_kind TEXT NOT NULL DEFAULT ''
    CHECK (customer_kind IN ('', 'person', 'company', 'public', 'association', 'other'));
ALTER TABLE invoice ADD COLUMN operations TEXT NOT NULL DEFAULT 'services'
    CHECK (operations IN ('goods', 'services', 'mixed'));
ALTER TABLE invoice ADD COLUMN service_from TEXT CHECK (service_from IS NULL OR service_from LIKE '____-__-__');
ALTER TABLE invoice ADD COLUMN service_to TEXT CHECK (service_to IS NULL OR service_to LIKE '____-__-__');
ALTER TABLE invoice ADD COLUMN buyer_reference TEXT NOT NULL DEFAULT '';
ALTER TABLE invoice ADD COLUMN delivery_address TEXT NOT NULL DEFAULT '';
ALTER TABLE invoice ADD COLUMN chorus_engagement TEXT NOT NULL DEFAULT '';
ALTER TABLE invoice ADD COLUMN chorus_service TEXT NOT NULL DEFAULT '';
ALTER TABLE invoice ADD COLUMN mentions TEXT NOT NULL DEFAULT '';
ALTER TABLE invoice ADD COLUMN hash_version INTEGER NOT NULL DEFAULT 1 CHECK (hash_version IN (1, 2));

ALTER TABLE invoice_line ADD COLUMN vat_exemption TEXT NOT NULL DEFAULT '';
ALTER TABLE quote_line ADD COLUMN vat_exemption TEXT NOT NULL DEFAULT '';
ALTER TABLE work_order_line ADD COLUMN vat_exemption TEXT NOT NULL DEFAULT '';

ALTER TABLE payment ADD COLUMN hash_version INTEGER NOT NULL DEFAULT 1 CHECK (hash_version IN (1, 2));

-- Every print (or PDF) of an issued document: the first is the original,
-- the next ones are duplicates. Appended only.
CREATE TABLE document_print (
    id {{ID}},
    document TEXT NOT NULL CHECK (document IN ('invoice', 'receipt')),
    document_id {{INT64}} NOT NULL,
    printed_at TEXT NOT NULL,
    printed_by TEXT NOT NULL
);
CREATE INDEX document_print_document ON document_print (document, document_id);

-- A third VAT regime: the non-profit association outside VAT (art. 261-7-1° b).
-- @postgresql
ALTER TABLE school DROP CONSTRAINT IF EXISTS school_vat_regime_check;
ALTER TABLE school ADD CONSTRAINT school_vat_regime_check
    CHECK (vat_regime IN ('franchise', 'assujetti', 'association'));
ALTER TABLE invoice DROP CONSTRAINT IF EXISTS invoice_vat_regime_check;
ALTER TABLE invoice ADD CONSTRAINT invoice_vat_regime_check
    CHECK (vat_regime IN ('franchise', 'assujetti', 'association'));

-- @sqlite
-- SQLite cannot change a CHECK: the column is replaced (issued invoices'
-- trigger lifted for the copy, within this migration's transaction).
ALTER TABLE school ADD COLUMN vat_regime_3 TEXT NOT NULL DEFAULT 'franchise'
    CHECK (vat_regime_3 IN ('franchise', 'assujetti', 'association'));
UPDATE school SET vat_regime_3 = vat_regime;
ALTER TABLE school DROP COLUMN vat_regime;
ALTER TABLE school RENAME COLUMN vat_regime_3 TO vat_regime;

DROP TRIGGER invoice_issued_no_update;
ALTER TABLE invoice ADD COLUMN vat_regime_3 TEXT NOT NULL DEFAULT 'franchise'
    CHECK (vat_regime_3 IN ('franchise', 'assujetti', 'association'));
UPDATE invoice SET vat_regime_3 = vat_regime;
ALTER TABLE invoice DROP COLUMN vat_regime;
ALTER TABLE invoice RENAME COLUMN vat_regime_3 TO vat_regime;
CREATE TRIGGER invoice_issued_no_update BEFORE UPDATE ON invoice WHEN OLD.status = 'issued'
BEGIN
    SELECT RAISE(ABORT, 'an issued invoice cannot be changed');
END;

CREATE TRIGGER document_print_no_update BEFORE UPDATE ON document_print
BEGIN
    SELECT RAISE(ABORT, 'prints cannot be changed or deleted');
END;
CREATE TRIGGER document_print_no_delete BEFORE DELETE ON document_print
BEGIN
    SELECT RAISE(ABORT, 'prints cannot be changed or deleted');
END;

-- @postgresql
CREATE FUNCTION document_print_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'prints cannot be changed or deleted';
END;
$$;

CREATE TRIGGER document_print_no_change BEFORE UPDATE OR DELETE ON document_print
    FOR EACH ROW EXECUTE FUNCTION document_print_append_only();

-- @all
-- Every chain has a counter that only grows, so that deleting the last
-- element of a chain (after dropping the triggers) is seen by `check`: the
-- log of changes gets one, and the payments' counter starts from what is
-- there (the demo's bulk writer did not take it).
INSERT INTO document_counter (series, year, last_number) SELECT 'audit', 0, COALESCE(MAX(id), 0) FROM audit_log WHERE true
    ON CONFLICT (series, year) DO UPDATE SET last_number = excluded.last_number;
INSERT INTO document_counter (series, year, last_number) SELECT 'payment-chain', 0, COUNT(*) FROM payment WHERE true
    ON CONFLICT (series, year) DO UPDATE SET last_number = excluded.last_number;

-- Restoring a backup is the direction's (it may roll back issued documents).
INSERT INTO role_permission (role, permission) VALUES ('direction', 'backup.restore');

-- Numbers a restore left without their document: the documents were issued
-- and are in the file kept aside; the numbering went on after them.
CREATE TABLE numbering_gap (
    id {{ID}},
    series TEXT NOT NULL,
    year INTEGER NOT NULL,
    first_number INTEGER NOT NULL,
    last_number INTEGER NOT NULL CHECK (last_number >= first_number),
    reason TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL
);

