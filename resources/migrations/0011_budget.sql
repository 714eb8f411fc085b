-- Établi schema, step 11: funding, second part — the budget (forecast and
-- actual by category), other income and expenses as dated entries, the
-- apprenticeship tax, subsidies with their instalments, members and dues.
-- What the application computes (production sales, gifts, subsidies, dues)
-- is never typed a second time: the categories say where their actual
-- comes from.

CREATE TABLE budget_category (
    id {{ID}},
    kind TEXT NOT NULL CHECK (kind IN ('resource', 'expense')),
    code TEXT NOT NULL UNIQUE CHECK (length(trim(code)) > 0),
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    -- the part of the funding split a resource counts in
    split_group TEXT NOT NULL CHECK (split_group IN ('production', 'gifts', 'subsidies', 'other', 'expense')),
    -- where the actual comes from
    source TEXT NOT NULL CHECK (source IN ('invoices', 'donations', 'sponsorship', 'apprenticeship_tax', 'subsidies',
                                           'dues', 'entries')),
    position INTEGER NOT NULL DEFAULT 0,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    CHECK ((kind = 'expense') = (split_group = 'expense')),
    CHECK (kind = 'resource' OR source = 'entries')
);

-- Resources, then expenses close to the associations' chart of accounts
-- (60 achats, 61-62 services extérieurs, 63 impôts et taxes, 64 personnel,
-- 68 dotations, 65-67 autres charges).
INSERT INTO budget_category (kind, code, name, split_group, source, position) VALUES
    ('resource', 'production', 'Ventes de la production', 'production', 'invoices', 10),
    ('resource', 'donations', 'Dons des particuliers', 'gifts', 'donations', 20),
    ('resource', 'sponsorship', 'Mécénat des entreprises et organismes', 'gifts', 'sponsorship', 30),
    ('resource', 'apprenticeship_tax', 'Taxe d''apprentissage', 'gifts', 'apprenticeship_tax', 40),
    ('resource', 'subsidies', 'Subventions', 'subsidies', 'subsidies', 50),
    ('resource', 'dues', 'Cotisations des adhérents', 'other', 'dues', 60),
    ('resource', 'other_income', 'Autres produits', 'other', 'entries', 70),
    ('expense', 'purchases', 'Achats, matières et fournitures', 'expense', 'entries', 110),
    ('expense', 'external_services', 'Services extérieurs', 'expense', 'entries', 120),
    ('expense', 'taxes', 'Impôts et taxes', 'expense', 'entries', 130),
    ('expense', 'staff', 'Charges de personnel', 'expense', 'entries', 140),
    ('expense', 'depreciation', 'Dotations aux amortissements', 'expense', 'entries', 150),
    ('expense', 'other_expenses', 'Autres charges', 'expense', 'entries', 160);

-- The forecast (budget prévisionnel) of a category for a financial year; for
-- subsidies, one line per funder.
CREATE TABLE budget_forecast (
    id {{ID}},
    financial_year_id {{REF}} NOT NULL REFERENCES financial_year (id),
    category_id {{REF}} NOT NULL REFERENCES budget_category (id),
    funder_id {{REF}} REFERENCES contact (id),
    amount_cents {{INT64}} NOT NULL CHECK (amount_cents >= 0),
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX budget_forecast_line ON budget_forecast (financial_year_id, category_id, COALESCE(funder_id, 0));

-- Other income and the expenses, as dated entries. Never changed: a mistake
-- is undone by a correcting entry of the opposite amount.
CREATE TABLE budget_entry (
    id {{ID}},
    day TEXT NOT NULL CHECK (day LIKE '____-__-__'),
    category_id {{REF}} NOT NULL REFERENCES budget_category (id),
    label TEXT NOT NULL CHECK (length(trim(label)) > 0),
    amount_cents {{INT64}} NOT NULL CHECK (amount_cents <> 0),
    contact_id {{REF}} REFERENCES contact (id),
    reference TEXT NOT NULL DEFAULT '',
    corrects_entry_id {{REF}} UNIQUE REFERENCES budget_entry (id),
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    CHECK (amount_cents > 0 OR corrects_entry_id IS NOT NULL)
);
CREATE INDEX budget_entry_day ON budget_entry (day);
CREATE INDEX budget_entry_category ON budget_entry (category_id, day);

-- The apprenticeship tax's balance (solde) a company chose to give the
-- school through the national platform: expected, then received.
CREATE TABLE apprenticeship_tax (
    id {{ID}},
    contact_id {{REF}} NOT NULL REFERENCES contact (id),
    year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    expected_cents {{INT64}} NOT NULL DEFAULT 0 CHECK (expected_cents >= 0),
    received_cents {{INT64}} NOT NULL DEFAULT 0 CHECK (received_cents >= 0),
    received_on TEXT CHECK (received_on IS NULL OR received_on LIKE '____-__-__'),
    note TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (contact_id, year),
    CHECK ((received_cents = 0) = (received_on IS NULL))
);
CREATE INDEX apprenticeship_tax_received ON apprenticeship_tax (received_on);

-- A subsidy from its request to its final account (compte rendu). Its
-- status follows from the facts: no decision yet (requested), refused,
-- granted, some money received (being paid), all received (paid), account
-- sent (accounted for).
CREATE TABLE subsidy (
    id {{ID}},
    funder_id {{REF}} NOT NULL REFERENCES contact (id),
    programme TEXT NOT NULL CHECK (length(trim(programme)) > 0),
    financial_year_id {{REF}} NOT NULL REFERENCES financial_year (id),
    school_year TEXT NOT NULL DEFAULT '',
    requested_cents {{INT64}} NOT NULL CHECK (requested_cents > 0),
    requested_on TEXT NOT NULL CHECK (requested_on LIKE '____-__-__'),
    decision TEXT NOT NULL DEFAULT 'pending' CHECK (decision IN ('pending', 'granted', 'refused')),
    granted_cents {{INT64}} CHECK (granted_cents IS NULL OR granted_cents > 0),
    decided_on TEXT CHECK (decided_on IS NULL OR decided_on LIKE '____-__-__'),
    agreement_ref TEXT NOT NULL DEFAULT '',
    agreement_on TEXT CHECK (agreement_on IS NULL OR agreement_on LIKE '____-__-__'),
    conditions TEXT NOT NULL DEFAULT '',
    report_due TEXT NOT NULL CHECK (report_due LIKE '____-__-__'),
    accounted_on TEXT CHECK (accounted_on IS NULL OR accounted_on LIKE '____-__-__'),
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK ((decision = 'granted') = (granted_cents IS NOT NULL)),
    CHECK (decision = 'pending' OR decided_on IS NOT NULL),
    CHECK (accounted_on IS NULL OR decision = 'granted')
);
CREATE INDEX subsidy_year ON subsidy (financial_year_id);
CREATE INDEX subsidy_funder ON subsidy (funder_id);

CREATE TABLE subsidy_instalment (
    id {{ID}},
    subsidy_id {{REF}} NOT NULL REFERENCES subsidy (id),
    position INTEGER NOT NULL,
    expected_on TEXT CHECK (expected_on IS NULL OR expected_on LIKE '____-__-__'),
    expected_cents {{INT64}} NOT NULL CHECK (expected_cents > 0),
    received_on TEXT CHECK (received_on IS NULL OR received_on LIKE '____-__-__'),
    received_cents {{INT64}} CHECK (received_cents IS NULL OR received_cents > 0),
    UNIQUE (subsidy_id, position),
    CHECK ((received_on IS NULL) = (received_cents IS NULL))
);
CREATE INDEX subsidy_instalment_received ON subsidy_instalment (received_on);

-- Members of the association and their yearly dues.
CREATE TABLE member (
    id {{ID}},
    contact_id {{REF}} NOT NULL UNIQUE REFERENCES contact (id),
    joined_on TEXT NOT NULL CHECK (joined_on LIKE '____-__-__'),
    left_on TEXT CHECK (left_on IS NULL OR left_on LIKE '____-__-__'),
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE membership_due (
    id {{ID}},
    member_id {{REF}} NOT NULL REFERENCES member (id),
    year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    amount_cents {{INT64}} NOT NULL CHECK (amount_cents > 0),
    paid_on TEXT NOT NULL CHECK (paid_on LIKE '____-__-__'),
    method TEXT NOT NULL CHECK (method IN ('cash', 'cheque', 'transfer', 'card', 'other')),
    created_at TEXT NOT NULL,
    UNIQUE (member_id, year)
);
CREATE INDEX membership_due_paid ON membership_due (paid_on);
