-- Établi schema, step 6: customers and sales — one directory of contacts
-- (the internship hosts' table becomes it), vehicles, invoices and credit
-- notes numbered without gaps and frozen once issued, payments.

-- The directory: organisations and private persons, with their roles.
ALTER TABLE organisation RENAME TO contact;
ALTER TABLE contact ADD COLUMN person INTEGER NOT NULL DEFAULT 0 CHECK (person IN (0, 1));
ALTER TABLE contact ADD COLUMN first_name TEXT NOT NULL DEFAULT '';
ALTER TABLE contact ADD COLUMN address_line2 TEXT NOT NULL DEFAULT '';
ALTER TABLE contact ADD COLUMN notes TEXT NOT NULL DEFAULT '';
ALTER TABLE contact ADD COLUMN is_customer INTEGER NOT NULL DEFAULT 0 CHECK (is_customer IN (0, 1));
ALTER TABLE contact ADD COLUMN is_host INTEGER NOT NULL DEFAULT 0 CHECK (is_host IN (0, 1));
ALTER TABLE contact ADD COLUMN is_donor INTEGER NOT NULL DEFAULT 0 CHECK (is_donor IN (0, 1));
ALTER TABLE contact ADD COLUMN is_funder INTEGER NOT NULL DEFAULT 0 CHECK (is_funder IN (0, 1));
ALTER TABLE contact ADD COLUMN is_supplier INTEGER NOT NULL DEFAULT 0 CHECK (is_supplier IN (0, 1));
UPDATE contact SET is_host = 1 WHERE id IN (SELECT organisation_id FROM internship);
CREATE INDEX contact_siret ON contact (siret);
CREATE INDEX contact_postcode ON contact (postcode, name_key);

-- Customers' vehicles (tyre jobs).
CREATE TABLE vehicle (
    id {{ID}},
    contact_id {{REF}} REFERENCES contact (id),
    plate TEXT NOT NULL CHECK (length(trim(plate)) > 0),
    plate_key TEXT NOT NULL,
    make TEXT NOT NULL DEFAULT '',
    model TEXT NOT NULL DEFAULT '',
    tyre_size TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX vehicle_plate ON vehicle (plate_key);
CREATE INDEX vehicle_contact ON vehicle (contact_id);

-- Gapless numbering: one counter row per series and year, taken in the
-- transaction that issues the document (never a sequence: they leave gaps).
CREATE TABLE document_counter (
    series TEXT NOT NULL,
    year INTEGER NOT NULL,
    last_number INTEGER NOT NULL CHECK (last_number >= 0),
    PRIMARY KEY (series, year)
);

-- Invoices and credit notes. A draft has no number; issuing gives the number,
-- freezes the customer's details and the totals, and chains the document to
-- the previous one (hash). The database refuses any change to an issued one.
CREATE TABLE invoice (
    id {{ID}},
    kind TEXT NOT NULL CHECK (kind IN ('invoice', 'credit')),
    status TEXT NOT NULL CHECK (status IN ('draft', 'issued')),
    number TEXT UNIQUE,
    series_year INTEGER,
    sequence INTEGER,
    chain_position INTEGER UNIQUE,
    contact_id {{REF}} NOT NULL REFERENCES contact (id),
    credited_invoice_id {{REF}} REFERENCES invoice (id),
    issue_date TEXT CHECK (issue_date IS NULL OR issue_date LIKE '____-__-__'),
    due_date TEXT CHECK (due_date IS NULL OR due_date LIKE '____-__-__'),
    customer_name TEXT NOT NULL DEFAULT '',
    customer_address TEXT NOT NULL DEFAULT '',
    customer_siret TEXT NOT NULL DEFAULT '',
    professional INTEGER NOT NULL DEFAULT 0 CHECK (professional IN (0, 1)),
    vat_regime TEXT NOT NULL DEFAULT 'franchise' CHECK (vat_regime IN ('franchise', 'assujetti')),
    vat_mention TEXT NOT NULL DEFAULT '',
    payment_terms TEXT NOT NULL DEFAULT '',
    reference TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    total_excl_cents {{INT64}} NOT NULL DEFAULT 0,
    total_vat_cents {{INT64}} NOT NULL DEFAULT 0,
    total_incl_cents {{INT64}} NOT NULL DEFAULT 0,
    prev_hash TEXT,
    hash TEXT UNIQUE,
    issued_at TEXT,
    issued_by TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK ((status = 'draft' AND number IS NULL) OR (status = 'issued' AND number IS NOT NULL AND hash IS NOT NULL
                                                     AND issue_date IS NOT NULL)),
    CHECK (kind = 'invoice' OR credited_invoice_id IS NOT NULL)
);
CREATE INDEX invoice_contact ON invoice (contact_id);
CREATE INDEX invoice_status_date ON invoice (status, issue_date);
CREATE INDEX invoice_credited ON invoice (credited_invoice_id);

CREATE TABLE invoice_line (
    id {{ID}},
    invoice_id {{REF}} NOT NULL REFERENCES invoice (id),
    position INTEGER NOT NULL,
    catalogue_item_id {{REF}} REFERENCES catalogue_item (id),
    label TEXT NOT NULL CHECK (length(trim(label)) > 0),
    quantity_thousandths {{INT64}} NOT NULL CHECK (quantity_thousandths <> 0),
    unit TEXT NOT NULL CHECK (unit IN ('piece', 'hour', 'kg', 'metre', 'flat')),
    unit_price_cents {{INT64}} NOT NULL CHECK (unit_price_cents >= 0),
    vat_rate_bp INTEGER NOT NULL CHECK (vat_rate_bp BETWEEN 0 AND 10000),
    total_excl_cents {{INT64}} NOT NULL
);
CREATE INDEX invoice_line_invoice ON invoice_line (invoice_id, position);

-- Payments: never changed nor deleted (a mistake is reversed by a negative
-- payment with its reason), chained by hash like the invoices.
CREATE TABLE payment (
    id {{ID}},
    invoice_id {{REF}} NOT NULL REFERENCES invoice (id),
    day TEXT NOT NULL CHECK (day LIKE '____-__-__'),
    method TEXT NOT NULL CHECK (method IN ('cash', 'cheque', 'transfer', 'card')),
    amount_cents {{INT64}} NOT NULL CHECK (amount_cents <> 0),
    bank TEXT NOT NULL DEFAULT '',
    cheque_number TEXT NOT NULL DEFAULT '',
    reverses_payment_id {{REF}} REFERENCES payment (id),
    reason TEXT NOT NULL DEFAULT '',
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL UNIQUE,
    CHECK (amount_cents > 0 OR (reverses_payment_id IS NOT NULL AND length(trim(reason)) > 0))
);
CREATE INDEX payment_invoice ON payment (invoice_id);
CREATE INDEX payment_day ON payment (day);

-- Cheques handed to the bank together (bordereau de remise).
CREATE TABLE cheque_deposit (
    id {{ID}},
    day TEXT NOT NULL CHECK (day LIKE '____-__-__'),
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE cheque_deposit_item (
    deposit_id {{REF}} NOT NULL REFERENCES cheque_deposit (id),
    payment_id {{REF}} NOT NULL UNIQUE REFERENCES payment (id),
    PRIMARY KEY (deposit_id, payment_id)
);

-- @sqlite
CREATE TRIGGER invoice_issued_no_update BEFORE UPDATE ON invoice WHEN OLD.status = 'issued'
BEGIN
    SELECT RAISE(ABORT, 'an issued invoice cannot be changed');
END;

CREATE TRIGGER invoice_issued_no_delete BEFORE DELETE ON invoice WHEN OLD.status = 'issued'
BEGIN
    SELECT RAISE(ABORT, 'an issued invoice cannot be deleted');
END;

CREATE TRIGGER invoice_line_issued_no_insert BEFORE INSERT ON invoice_line
WHEN (SELECT status FROM invoice WHERE id = NEW.invoice_id) = 'issued'
BEGIN
    SELECT RAISE(ABORT, 'an issued invoice cannot be changed');
END;

CREATE TRIGGER invoice_line_issued_no_update BEFORE UPDATE ON invoice_line
WHEN (SELECT status FROM invoice WHERE id = OLD.invoice_id) = 'issued'
  OR (SELECT status FROM invoice WHERE id = NEW.invoice_id) = 'issued'
BEGIN
    SELECT RAISE(ABORT, 'an issued invoice cannot be changed');
END;

CREATE TRIGGER invoice_line_issued_no_delete BEFORE DELETE ON invoice_line
WHEN (SELECT status FROM invoice WHERE id = OLD.invoice_id) = 'issued'
BEGIN
    SELECT RAISE(ABORT, 'an issued invoice cannot be changed');
END;

CREATE TRIGGER payment_no_update BEFORE UPDATE ON payment
BEGIN
    SELECT RAISE(ABORT, 'payments cannot be changed');
END;

CREATE TRIGGER payment_no_delete BEFORE DELETE ON payment
BEGIN
    SELECT RAISE(ABORT, 'payments cannot be deleted');
END;

-- @postgresql
CREATE FUNCTION invoice_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.status = 'issued' THEN
        RAISE EXCEPTION 'an issued invoice cannot be changed';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER invoice_issued_frozen BEFORE UPDATE OR DELETE ON invoice
    FOR EACH ROW EXECUTE FUNCTION invoice_frozen();

CREATE FUNCTION invoice_line_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' AND (SELECT status FROM invoice WHERE id = OLD.invoice_id) = 'issued' THEN
        RAISE EXCEPTION 'an issued invoice cannot be changed';
    END IF;
    IF TG_OP <> 'DELETE' AND (SELECT status FROM invoice WHERE id = NEW.invoice_id) = 'issued' THEN
        RAISE EXCEPTION 'an issued invoice cannot be changed';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER invoice_line_issued_frozen BEFORE INSERT OR UPDATE OR DELETE ON invoice_line
    FOR EACH ROW EXECUTE FUNCTION invoice_line_frozen();

CREATE FUNCTION payment_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'payments cannot be changed or deleted';
END;
$$;

CREATE TRIGGER payment_no_change BEFORE UPDATE OR DELETE ON payment
    FOR EACH ROW EXECUTE FUNCTION payment_append_only();

CREATE TRIGGER invoice_no_truncate BEFORE TRUNCATE ON invoice
    FOR EACH STATEMENT EXECUTE FUNCTION payment_append_only();

CREATE TRIGGER invoice_line_no_truncate BEFORE TRUNCATE ON invoice_line
    FOR EACH STATEMENT EXECUTE FUNCTION payment_append_only();

CREATE TRIGGER payment_no_truncate BEFORE TRUNCATE ON payment
    FOR EACH STATEMENT EXECUTE FUNCTION payment_append_only();

-- @all
