-- Établi schema, step 9: funding, first part — financial years, gifts and
-- their tax receipts (reçus fiscaux). A receipt is numbered per calendar
-- year without gaps, sealed and chained like invoices; a mistake is undone
-- by a cancellation record, never by changing or deleting the receipt.

CREATE TABLE financial_year (
    id {{ID}},
    start_date TEXT NOT NULL UNIQUE CHECK (start_date LIKE '____-__-__'),
    end_date TEXT NOT NULL CHECK (end_date LIKE '____-__-__'),
    closed INTEGER NOT NULL DEFAULT 0 CHECK (closed IN (0, 1)),
    target_production_bp INTEGER NOT NULL DEFAULT 6000 CHECK (target_production_bp BETWEEN 0 AND 10000),
    target_gifts_bp INTEGER NOT NULL DEFAULT 2000 CHECK (target_gifts_bp BETWEEN 0 AND 10000),
    target_subsidies_bp INTEGER NOT NULL DEFAULT 2000 CHECK (target_subsidies_bp BETWEEN 0 AND 10000),
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (end_date > start_date),
    CHECK (target_production_bp + target_gifts_bp + target_subsidies_bp <= 10000)
);

CREATE TABLE tax_receipt (
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
    UNIQUE (year, sequence),
    CHECK (kind = 'receipt' OR (cancels_receipt_id IS NOT NULL AND length(trim(reason)) > 0)),
    CHECK (sealed = 0 OR hash IS NOT NULL)
);
CREATE INDEX tax_receipt_contact ON tax_receipt (contact_id);

CREATE TABLE donation (
    id {{ID}},
    contact_id {{REF}} NOT NULL REFERENCES contact (id),
    day TEXT NOT NULL CHECK (day LIKE '____-__-__'),
    amount_cents {{INT64}} NOT NULL CHECK (amount_cents > 0),
    method TEXT NOT NULL CHECK (method IN ('cash', 'cheque', 'transfer', 'card', 'other')),
    nature TEXT NOT NULL DEFAULT 'cash' CHECK (nature IN ('cash', 'in_kind')),
    description TEXT NOT NULL DEFAULT '',
    purpose TEXT NOT NULL DEFAULT '',
    receipt_id {{REF}} REFERENCES tax_receipt (id),
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (nature = 'cash' OR length(trim(description)) > 0)
);
CREATE INDEX donation_contact ON donation (contact_id, day);
CREATE INDEX donation_day ON donation (day);

-- What a receipt covers, as it was when issued.
CREATE TABLE tax_receipt_line (
    id {{ID}},
    receipt_id {{REF}} NOT NULL REFERENCES tax_receipt (id),
    donation_id {{REF}} NOT NULL REFERENCES donation (id),
    day TEXT NOT NULL CHECK (day LIKE '____-__-__'),
    amount_cents {{INT64}} NOT NULL CHECK (amount_cents > 0),
    method TEXT NOT NULL,
    nature TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT ''
);
CREATE INDEX tax_receipt_line_receipt ON tax_receipt_line (receipt_id);
CREATE INDEX tax_receipt_line_donation ON tax_receipt_line (donation_id);

-- @sqlite
CREATE TRIGGER tax_receipt_sealed_no_update BEFORE UPDATE ON tax_receipt WHEN OLD.sealed = 1
BEGIN
    SELECT RAISE(ABORT, 'an issued tax receipt cannot be changed');
END;

CREATE TRIGGER tax_receipt_sealed_no_delete BEFORE DELETE ON tax_receipt WHEN OLD.sealed = 1
BEGIN
    SELECT RAISE(ABORT, 'an issued tax receipt cannot be deleted');
END;

CREATE TRIGGER tax_receipt_line_sealed_no_insert BEFORE INSERT ON tax_receipt_line
WHEN (SELECT sealed FROM tax_receipt WHERE id = NEW.receipt_id) = 1
BEGIN
    SELECT RAISE(ABORT, 'an issued tax receipt cannot be changed');
END;

CREATE TRIGGER tax_receipt_line_no_update BEFORE UPDATE ON tax_receipt_line
BEGIN
    SELECT RAISE(ABORT, 'an issued tax receipt cannot be changed');
END;

CREATE TRIGGER tax_receipt_line_sealed_no_delete BEFORE DELETE ON tax_receipt_line
WHEN (SELECT sealed FROM tax_receipt WHERE id = OLD.receipt_id) = 1
BEGIN
    SELECT RAISE(ABORT, 'an issued tax receipt cannot be changed');
END;

-- @postgresql
CREATE FUNCTION tax_receipt_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.sealed = 1 THEN
        RAISE EXCEPTION 'an issued tax receipt cannot be changed';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER tax_receipt_sealed_frozen BEFORE UPDATE OR DELETE ON tax_receipt
    FOR EACH ROW EXECUTE FUNCTION tax_receipt_frozen();

CREATE FUNCTION tax_receipt_line_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        RAISE EXCEPTION 'an issued tax receipt cannot be changed';
    END IF;
    IF TG_OP = 'INSERT' AND (SELECT sealed FROM tax_receipt WHERE id = NEW.receipt_id) = 1 THEN
        RAISE EXCEPTION 'an issued tax receipt cannot be changed';
    END IF;
    IF TG_OP = 'DELETE' AND (SELECT sealed FROM tax_receipt WHERE id = OLD.receipt_id) = 1 THEN
        RAISE EXCEPTION 'an issued tax receipt cannot be changed';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER tax_receipt_line_sealed_frozen BEFORE INSERT OR UPDATE OR DELETE ON tax_receipt_line
    FOR EACH ROW EXECUTE FUNCTION tax_receipt_line_frozen();

CREATE FUNCTION tax_receipt_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'issued tax receipts cannot be deleted';
END;
$$;

CREATE TRIGGER tax_receipt_no_truncate BEFORE TRUNCATE ON tax_receipt
    FOR EACH STATEMENT EXECUTE FUNCTION tax_receipt_no_truncate();

CREATE TRIGGER tax_receipt_line_no_truncate BEFORE TRUNCATE ON tax_receipt_line
    FOR EACH STATEMENT EXECUTE FUNCTION tax_receipt_no_truncate();

-- @all
