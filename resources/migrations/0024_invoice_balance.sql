-- Établi schema, step 24: what is still due on each issued invoice, kept
-- beside it (issue 19, item 4). Issued invoices and payments never change;
-- this table is derived from them, in the same transaction, by the triggers
-- below, so that the unpaid invoices, the receivables by age and a
-- customer's balance are read through an index instead of summing every
-- payment and credit note of every invoice. `etabli-cli check` recomputes it.
CREATE TABLE invoice_balance (
    invoice_id {{REF}} PRIMARY KEY REFERENCES invoice (id),
    contact_id {{REF}} NOT NULL REFERENCES contact (id),
    issue_date TEXT NOT NULL,
    due_date TEXT,
    total_cents {{INT64}} NOT NULL,
    credited_cents {{INT64}} NOT NULL DEFAULT 0,
    paid_cents {{INT64}} NOT NULL DEFAULT 0,
    due_cents {{INT64}} NOT NULL
);
-- The unpaid invoices, newest first (the invoices' list), by due date (the
-- receivables) and by customer (a customer's balance).
CREATE INDEX invoice_balance_open_by_date ON invoice_balance (issue_date, invoice_id) WHERE due_cents > 0;
CREATE INDEX invoice_balance_open_by_due ON invoice_balance (due_date, invoice_id) WHERE due_cents > 0;
CREATE INDEX invoice_balance_open_by_contact ON invoice_balance (contact_id, due_date) WHERE due_cents > 0;

INSERT INTO invoice_balance (invoice_id, contact_id, issue_date, due_date, total_cents, credited_cents,
                             paid_cents, due_cents)
SELECT i.id, i.contact_id, i.issue_date, i.due_date, i.total_incl_cents, x.credited, x.paid,
       i.total_incl_cents - x.credited - x.paid
FROM invoice i
JOIN (SELECT v.id,
             (SELECT COALESCE(SUM(-cr.total_incl_cents), 0) FROM invoice cr
              WHERE cr.credited_invoice_id = v.id AND cr.status = 'issued') AS credited,
             (SELECT COALESCE(SUM(p.amount_cents), 0) FROM payment p WHERE p.invoice_id = v.id) AS paid
      FROM invoice v WHERE v.status = 'issued' AND v.kind = 'invoice') x ON x.id = i.id;

-- @sqlite
CREATE TRIGGER invoice_balance_on_issue AFTER UPDATE OF status ON invoice
WHEN OLD.status = 'draft' AND NEW.status = 'issued'
BEGIN
    INSERT INTO invoice_balance (invoice_id, contact_id, issue_date, due_date, total_cents, due_cents)
    SELECT NEW.id, NEW.contact_id, NEW.issue_date, NEW.due_date, NEW.total_incl_cents, NEW.total_incl_cents
    WHERE NEW.kind = 'invoice';
    UPDATE invoice_balance
    SET credited_cents = credited_cents - NEW.total_incl_cents, due_cents = due_cents + NEW.total_incl_cents
    WHERE NEW.kind = 'credit' AND invoice_id = NEW.credited_invoice_id;
END;

CREATE TRIGGER invoice_balance_on_payment AFTER INSERT ON payment
BEGIN
    UPDATE invoice_balance
    SET paid_cents = paid_cents + NEW.amount_cents, due_cents = due_cents - NEW.amount_cents
    WHERE invoice_id = NEW.invoice_id;
END;

-- @postgresql
CREATE FUNCTION invoice_balance_on_issue() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.status = 'draft' AND NEW.status = 'issued' THEN
        IF NEW.kind = 'invoice' THEN
            INSERT INTO invoice_balance (invoice_id, contact_id, issue_date, due_date, total_cents, due_cents)
            VALUES (NEW.id, NEW.contact_id, NEW.issue_date, NEW.due_date, NEW.total_incl_cents,
                    NEW.total_incl_cents);
        ELSIF NEW.kind = 'credit' THEN
            UPDATE invoice_balance
            SET credited_cents = credited_cents - NEW.total_incl_cents,
                due_cents = due_cents + NEW.total_incl_cents
            WHERE invoice_id = NEW.credited_invoice_id;
        END IF;
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER invoice_balance_on_issue AFTER UPDATE OF status ON invoice
    FOR EACH ROW EXECUTE FUNCTION invoice_balance_on_issue();

CREATE FUNCTION invoice_balance_on_payment() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE invoice_balance
    SET paid_cents = paid_cents + NEW.amount_cents, due_cents = due_cents - NEW.amount_cents
    WHERE invoice_id = NEW.invoice_id;
    RETURN NEW;
END;
$$;

CREATE TRIGGER invoice_balance_on_payment AFTER INSERT ON payment
    FOR EACH ROW EXECUTE FUNCTION invoice_balance_on_payment();

-- @all
