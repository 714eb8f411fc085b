-- Établi schema, step 27: the invoices' list date as a column (issue 19,
-- item 3). The invoices' list is ordered by the issue date, a draft by its
-- creation day. Step 25 indexed that expression, but SQLite 3.40 reads each
-- invoice's row to compare an indexed expression: counting the rows after a
-- page deep in the list read them all. A column, written with the invoice
-- (its draft's creation day, then its issue date) and indexed, is answered
-- from the index alone. The database refuses a list date that is not that.
-- Issued invoices' freezing trigger is lifted for the fill, within this
-- migration's transaction, as in step 16.

-- @sqlite
DROP TRIGGER invoice_issued_no_update;
ALTER TABLE invoice ADD COLUMN list_date TEXT;
UPDATE invoice SET list_date = COALESCE(issue_date, substr(created_at, 1, 10));
CREATE TRIGGER invoice_issued_no_update BEFORE UPDATE ON invoice WHEN OLD.status = 'issued'
BEGIN
    SELECT RAISE(ABORT, 'an issued invoice cannot be changed');
END;
CREATE TRIGGER invoice_list_date_insert BEFORE INSERT ON invoice
WHEN NEW.list_date IS NOT COALESCE(NEW.issue_date, substr(NEW.created_at, 1, 10))
BEGIN
    SELECT RAISE(ABORT, 'an invoice''s list date is its issue date, or its creation day while a draft');
END;
CREATE TRIGGER invoice_list_date_update BEFORE UPDATE OF list_date, issue_date, created_at ON invoice
WHEN NEW.list_date IS NOT COALESCE(NEW.issue_date, substr(NEW.created_at, 1, 10))
BEGIN
    SELECT RAISE(ABORT, 'an invoice''s list date is its issue date, or its creation day while a draft');
END;

-- @postgresql
DROP TRIGGER invoice_issued_frozen ON invoice;
ALTER TABLE invoice ADD COLUMN list_date TEXT;
UPDATE invoice SET list_date = COALESCE(issue_date, substr(created_at, 1, 10));
ALTER TABLE invoice ALTER COLUMN list_date SET NOT NULL;
ALTER TABLE invoice ADD CONSTRAINT invoice_list_date_check
    CHECK (list_date = COALESCE(issue_date, substr(created_at, 1, 10)));
CREATE TRIGGER invoice_issued_frozen BEFORE UPDATE OR DELETE ON invoice
    FOR EACH ROW EXECUTE FUNCTION invoice_frozen();

-- @all
DROP INDEX invoice_list;
DROP INDEX invoice_list_status;
DROP INDEX invoice_list_contact;
DROP INDEX invoice_list_kind;
CREATE INDEX invoice_list ON invoice (list_date, id);
CREATE INDEX invoice_list_status ON invoice (status, list_date, id);
CREATE INDEX invoice_list_contact ON invoice (contact_id, list_date, id);
CREATE INDEX invoice_list_kind ON invoice (kind, list_date, id);
