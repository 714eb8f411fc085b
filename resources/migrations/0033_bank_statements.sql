-- Établi schema, step 33: bank statements and their reconciliation (issue 22,
-- item 3). The office imports the bank's statement (OFX, CAMT.053 or the
-- bank's CSV) and says, line by line, what each credit is: a payment of an
-- invoice (recorded from the line, dated by the statement), a deposit slip
-- of cheques (recorded already), a gift (recorded from the line, or by hand
-- before). A statement file is recorded once (its SHA-256); a movement once
-- per account (the bank's reference, else its day, amount, wording and rank
-- among identical ones), so that overlapping exports add only what is new.
-- A line accounts for one thing and one thing for one line: the unique
-- columns say so whatever the program does.

-- @all
CREATE TABLE bank_statement (
    id {{ID}},
    format TEXT NOT NULL CHECK ((format = 'ofx' OR format = 'camt053' OR format = 'csv')),
    account TEXT NOT NULL DEFAULT '',
    first_day TEXT NOT NULL CHECK (first_day LIKE '____-__-__'),
    last_day TEXT NOT NULL CHECK (last_day LIKE '____-__-__'),
    file_name TEXT NOT NULL DEFAULT '',
    digest TEXT NOT NULL UNIQUE,
    imported_by TEXT NOT NULL,
    imported_at TEXT NOT NULL
);

CREATE TABLE bank_line (
    id {{ID}},
    statement_id {{REF}} NOT NULL REFERENCES bank_statement (id),
    position INTEGER NOT NULL CHECK (position > 0),
    account TEXT NOT NULL DEFAULT '',
    line_key TEXT NOT NULL,
    day TEXT NOT NULL CHECK (day LIKE '____-__-__'),
    amount_cents {{INT64}} NOT NULL CHECK (amount_cents <> 0),
    label TEXT NOT NULL DEFAULT '',
    party TEXT NOT NULL DEFAULT '',
    reference TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL DEFAULT 'open' CHECK ((state = 'open' OR state = 'matched' OR state = 'ignored')),
    payment_id {{REF}} UNIQUE REFERENCES payment (id),
    deposit_id {{REF}} UNIQUE REFERENCES cheque_deposit (id),
    donation_id {{REF}} UNIQUE REFERENCES donation (id),
    matched_by TEXT NOT NULL DEFAULT '',
    matched_at TEXT NOT NULL DEFAULT '',
    UNIQUE (account, line_key),
    CHECK ((state = 'matched') = ((payment_id IS NOT NULL) OR (deposit_id IS NOT NULL) OR (donation_id IS NOT NULL))),
    CHECK ((CASE WHEN payment_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN deposit_id IS NULL THEN 0 ELSE 1 END) +
           (CASE WHEN donation_id IS NULL THEN 0 ELSE 1 END) <= 1)
);
CREATE INDEX bank_line_statement ON bank_line (statement_id, position);
-- The movements an account already has over a statement's days.
CREATE INDEX bank_line_account_day ON bank_line (account, day);

-- The layouts of the banks' CSV exports the office set up, by their heading row.
CREATE TABLE bank_csv_layout (
    signature TEXT PRIMARY KEY,
    layout TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- Invoices whose remaining due is a given amount: what a credit is proposed
-- against. Keyed on an expression, not on due_cents itself: the lists'
-- "due_cents > 0" would otherwise take it as a range and sort what it reads,
-- where they walk their own indexes in order.
CREATE INDEX invoice_balance_open_by_amount ON invoice_balance ((abs(due_cents)), invoice_id) WHERE due_cents > 0;
