-- Établi schema, step 1: the foundation.
-- Conventions: money in INTEGER cents, dates TEXT 'YYYY-MM-DD', timestamps
-- TEXT ISO 8601 UTC ('2026-11-27T10:05:00Z'), enums TEXT with CHECK,
-- booleans INTEGER 0/1, `version` for optimistic locking.
-- Dialect sections: "-- @sqlite", "-- @postgresql", "-- @all".

CREATE TABLE schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
);

CREATE TABLE etabli_meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

INSERT INTO etabli_meta (key, value) VALUES ('application', 'etabli');

-- The school (établissement): one row.
CREATE TABLE school (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    organisation_name TEXT NOT NULL DEFAULT '',
    address_line1 TEXT NOT NULL DEFAULT '',
    address_line2 TEXT NOT NULL DEFAULT '',
    postcode TEXT NOT NULL DEFAULT '',
    city TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    website TEXT NOT NULL DEFAULT '',
    siret TEXT NOT NULL DEFAULT '' CHECK (siret = '' OR length(siret) = 14),
    rna TEXT NOT NULL DEFAULT '' CHECK (rna = '' OR length(rna) = 10),
    logo {{BLOB}},
    logo_mime TEXT NOT NULL DEFAULT '',
    vat_regime TEXT NOT NULL DEFAULT 'franchise' CHECK (vat_regime IN ('franchise', 'assujetti')),
    vat_number TEXT NOT NULL DEFAULT '',
    vat_mention TEXT NOT NULL DEFAULT 'TVA non applicable, art. 293 B du CGI',
    fiscal_year_start_month INTEGER NOT NULL DEFAULT 1 CHECK (fiscal_year_start_month BETWEEN 1 AND 12),
    school_year_start_month INTEGER NOT NULL DEFAULT 9 CHECK (school_year_start_month BETWEEN 1 AND 12),
    may_issue_tax_receipts INTEGER NOT NULL DEFAULT 0 CHECK (may_issue_tax_receipts IN (0, 1)),
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- Sections / ateliers: the trades taught. A list, not code.
CREATE TABLE section (
    id {{ID}},
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    name_key TEXT NOT NULL UNIQUE,
    trade TEXT NOT NULL DEFAULT '',
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    position INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- Jeunes: the core of a trainee's record (the trainees issue extends it).
CREATE TABLE trainee (
    id {{ID}},
    last_name TEXT NOT NULL CHECK (length(trim(last_name)) > 0),
    first_name TEXT NOT NULL CHECK (length(trim(first_name)) > 0),
    sort_key TEXT NOT NULL,
    birth_date TEXT CHECK (birth_date IS NULL OR birth_date LIKE '____-__-__'),
    sex TEXT CHECK (sex IS NULL OR sex IN ('F', 'M')),
    address_line1 TEXT NOT NULL DEFAULT '',
    postcode TEXT NOT NULL DEFAULT '',
    city TEXT NOT NULL DEFAULT '',
    section_id {{REF}} REFERENCES section (id),
    cohort_year INTEGER CHECK (cohort_year IS NULL OR cohort_year BETWEEN 1990 AND 2200),
    study_year INTEGER CHECK (study_year IS NULL OR study_year IN (1, 2)),
    status TEXT NOT NULL DEFAULT 'candidate' CHECK (status IN ('candidate', 'enrolled', 'left', 'refused')),
    entry_date TEXT CHECK (entry_date IS NULL OR entry_date LIKE '____-__-__'),
    exit_date TEXT CHECK (exit_date IS NULL OR exit_date LIKE '____-__-__'),
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (exit_date IS NULL OR entry_date IS NULL OR exit_date >= entry_date)
);

CREATE INDEX trainee_sort_key ON trainee (sort_key);
CREATE INDEX trainee_section_status ON trainee (section_id, status);
CREATE INDEX trainee_cohort ON trainee (cohort_year);
CREATE INDEX trainee_status ON trainee (status);

-- @sqlite
-- 0x45544231, "ETB1": marks the file as an Établi database.
PRAGMA application_id = 1163149873;
