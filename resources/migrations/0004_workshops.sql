-- Établi schema, step 4: workshops — team, catalogue, skills and the
-- production log (journal d'atelier). Services for the log come with the
-- workshops issue; the tables are laid now so that the catalogue and the
-- team can be kept.

ALTER TABLE section ADD COLUMN capacity INTEGER NOT NULL DEFAULT 0 CHECK (capacity >= 0);
-- Length of a half-day in the workshop, in minutes (default hours for the log).
ALTER TABLE section ADD COLUMN half_day_minutes INTEGER NOT NULL DEFAULT 210
    CHECK (half_day_minutes BETWEEN 30 AND 480);

-- Value of one hour of volunteer time, in cents (contributions volontaires en nature).
ALTER TABLE school ADD COLUMN volunteer_hour_value_cents {{INT64}} NOT NULL DEFAULT 1200
    CHECK (volunteer_hour_value_cents >= 0);

-- The team: employees and volunteers.
CREATE TABLE staff (
    id {{ID}},
    last_name TEXT NOT NULL CHECK (length(trim(last_name)) > 0),
    first_name TEXT NOT NULL DEFAULT '',
    sort_key TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('employee', 'volunteer')),
    job TEXT NOT NULL DEFAULT '' CHECK (job IN ('', 'direction', 'administration', 'master_trainer', 'teacher', 'other')),
    phone TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    user_id {{REF}} REFERENCES app_user (id),
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX staff_sort ON staff (sort_key);

CREATE TABLE staff_section (
    staff_id {{REF}} NOT NULL REFERENCES staff (id),
    section_id {{REF}} NOT NULL REFERENCES section (id),
    PRIMARY KEY (staff_id, section_id)
);

-- Hours given by volunteers.
CREATE TABLE volunteer_hours (
    id {{ID}},
    staff_id {{REF}} NOT NULL REFERENCES staff (id),
    day TEXT NOT NULL CHECK (day LIKE '____-__-__'),
    minutes INTEGER NOT NULL CHECK (minutes > 0 AND minutes <= 1440),
    activity TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX volunteer_hours_day ON volunteer_hours (day);

-- The catalogue of each workshop: what it makes and sells.
CREATE TABLE catalogue_item (
    id {{ID}},
    section_id {{REF}} NOT NULL REFERENCES section (id),
    code TEXT NOT NULL CHECK (length(trim(code)) > 0),
    code_key TEXT NOT NULL,
    label TEXT NOT NULL CHECK (length(trim(label)) > 0),
    label_key TEXT NOT NULL,
    unit TEXT NOT NULL CHECK (unit IN ('piece', 'hour', 'kg', 'metre', 'flat')),
    unit_price_cents {{INT64}} NOT NULL CHECK (unit_price_cents >= 0),
    vat_rate_bp INTEGER NOT NULL DEFAULT 2000 CHECK (vat_rate_bp BETWEEN 0 AND 10000),
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (section_id, code_key)
);
CREATE INDEX catalogue_item_label ON catalogue_item (section_id, label_key);

-- Skills practised in each section.
CREATE TABLE skill (
    id {{ID}},
    section_id {{REF}} NOT NULL REFERENCES section (id),
    label TEXT NOT NULL CHECK (length(trim(label)) > 0),
    label_key TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    UNIQUE (section_id, label_key)
);

-- The production log.
CREATE TABLE production_entry (
    id {{ID}},
    day TEXT NOT NULL CHECK (day LIKE '____-__-__'),
    section_id {{REF}} NOT NULL REFERENCES section (id),
    trainer_staff_id {{REF}} REFERENCES staff (id),
    author_login TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('order', 'exercise', 'upkeep')),
    reference TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX production_entry_day ON production_entry (section_id, day);

CREATE TABLE production_trainee (
    entry_id {{REF}} NOT NULL REFERENCES production_entry (id),
    trainee_id {{REF}} NOT NULL REFERENCES trainee (id),
    minutes INTEGER NOT NULL CHECK (minutes > 0 AND minutes <= 720),
    PRIMARY KEY (entry_id, trainee_id)
);
CREATE INDEX production_trainee_trainee ON production_trainee (trainee_id);

CREATE TABLE production_output (
    id {{ID}},
    entry_id {{REF}} NOT NULL REFERENCES production_entry (id),
    catalogue_item_id {{REF}} REFERENCES catalogue_item (id),
    label TEXT NOT NULL DEFAULT '',
    quantity_thousandths {{INT64}} NOT NULL CHECK (quantity_thousandths > 0),
    unit TEXT NOT NULL CHECK (unit IN ('piece', 'hour', 'kg', 'metre', 'flat'))
);
CREATE INDEX production_output_entry ON production_output (entry_id);

CREATE TABLE production_material (
    id {{ID}},
    entry_id {{REF}} NOT NULL REFERENCES production_entry (id),
    label TEXT NOT NULL CHECK (length(trim(label)) > 0),
    quantity_thousandths {{INT64}} NOT NULL CHECK (quantity_thousandths > 0),
    unit_cost_cents {{INT64}} NOT NULL CHECK (unit_cost_cents >= 0)
);

CREATE TABLE production_skill (
    entry_id {{REF}} NOT NULL REFERENCES production_entry (id),
    skill_id {{REF}} NOT NULL REFERENCES skill (id),
    PRIMARY KEY (entry_id, skill_id)
);
