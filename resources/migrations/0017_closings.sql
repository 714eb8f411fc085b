-- Établi schema, step 17: closings (../docs/decisions.md, 31). Each month
-- once over, then each civil year once its twelve months are, is closed: the
-- period's sales per VAT rate and payments per method, with the perpetual
-- grand totals since the first closing, sealed by a hash and chained to the
-- previous closing. Nothing can be dated in a closed month afterwards. Rows
-- are never changed nor deleted; the chain's counter (document_counter,
-- series 'closing-chain') shows a deleted tail to `check`.

CREATE TABLE closing (
    id {{ID}},
    kind TEXT NOT NULL CHECK (kind IN ('month', 'year')),
    period TEXT NOT NULL,
    period_start TEXT NOT NULL CHECK (period_start LIKE '____-__-__'),
    period_end TEXT NOT NULL CHECK (period_end LIKE '____-__-__'),
    chain_position INTEGER NOT NULL UNIQUE,
    first_number TEXT NOT NULL DEFAULT '',
    last_number TEXT NOT NULL DEFAULT '',
    totals TEXT NOT NULL,
    grand_totals TEXT NOT NULL,
    closed_at TEXT NOT NULL,
    closed_by TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL UNIQUE,
    UNIQUE (kind, period)
);
CREATE INDEX closing_period ON closing (period_start, period_end);

-- @sqlite
CREATE TRIGGER closing_no_update BEFORE UPDATE ON closing
BEGIN
    SELECT RAISE(ABORT, 'closings cannot be changed or deleted');
END;
CREATE TRIGGER closing_no_delete BEFORE DELETE ON closing
BEGIN
    SELECT RAISE(ABORT, 'closings cannot be changed or deleted');
END;

-- @postgresql
CREATE FUNCTION closing_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'closings cannot be changed or deleted';
END;
$$;

CREATE TRIGGER closing_no_change BEFORE UPDATE OR DELETE ON closing
    FOR EACH ROW EXECUTE FUNCTION closing_append_only();

-- @all
-- Closing periods and writing the year's archive: the direction and the office.
INSERT INTO role_permission (role, permission) VALUES ('direction', 'sales.close');
INSERT INTO role_permission (role, permission) VALUES ('secretariat', 'sales.close');
