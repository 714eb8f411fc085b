-- Établi schema, step 3: the trainees module — records, guardians and
-- follow-up notes (sensitive), attendance by half-day, host organisations and
-- internships, certifications, outcomes.

-- Who referred a young person (prescripteur): a list staff can extend.
CREATE TABLE referral (
    id {{ID}},
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    name_key TEXT NOT NULL UNIQUE,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    position INTEGER NOT NULL DEFAULT 0
);

INSERT INTO referral (name, name_key, position) VALUES
    ('Collège', 'college', 1),
    ('Mission locale', 'mission locale', 2),
    ('ASE (aide sociale à l''enfance)', 'ase (aide sociale a l''enfance)', 3),
    ('PJJ (protection judiciaire de la jeunesse)', 'pjj (protection judiciaire de la jeunesse)', 4),
    ('CIO', 'cio', 5),
    ('Famille', 'famille', 6),
    ('Autre', 'autre', 7);

ALTER TABLE trainee ADD COLUMN phone TEXT NOT NULL DEFAULT '';
ALTER TABLE trainee ADD COLUMN email TEXT NOT NULL DEFAULT '';
ALTER TABLE trainee ADD COLUMN referral_id {{REF}} REFERENCES referral (id);
ALTER TABLE trainee ADD COLUMN exit_reason TEXT
    CHECK (exit_reason IS NULL OR exit_reason IN ('apprenticeship', 'job', 'training', 'end_of_course', 'moved',
                                                  'personal', 'exclusion', 'dropped_out', 'other'));
ALTER TABLE trainee ADD COLUMN archived_at TEXT;

-- One record per person: same folded name and birth date is a duplicate.
CREATE UNIQUE INDEX trainee_identity ON trainee (sort_key, birth_date)
    WHERE birth_date IS NOT NULL AND anonymised_at IS NULL;

-- Legal guardians: sensitive (trainees.sensitive).
CREATE TABLE guardian (
    id {{ID}},
    trainee_id {{REF}} NOT NULL REFERENCES trainee (id),
    last_name TEXT NOT NULL CHECK (length(trim(last_name)) > 0),
    first_name TEXT NOT NULL DEFAULT '',
    relation TEXT NOT NULL CHECK (relation IN ('mother', 'father', 'guardian', 'educator', 'other')),
    phone TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX guardian_trainee ON guardian (trainee_id);

-- Follow-up notes (suivi): sensitive, never edited, only added.
CREATE TABLE follow_up_note (
    id {{ID}},
    trainee_id {{REF}} NOT NULL REFERENCES trainee (id),
    written_at TEXT NOT NULL,
    author_login TEXT NOT NULL,
    body TEXT NOT NULL CHECK (length(trim(body)) > 0)
);
CREATE INDEX follow_up_note_trainee ON follow_up_note (trainee_id, written_at);

-- Attendance by half-day.
CREATE TABLE attendance (
    trainee_id {{REF}} NOT NULL REFERENCES trainee (id),
    day TEXT NOT NULL CHECK (day LIKE '____-__-__'),
    half TEXT NOT NULL CHECK (half IN ('am', 'pm')),
    code TEXT NOT NULL CHECK (code IN ('present', 'excused', 'unexcused', 'late', 'internship', 'excluded')),
    comment TEXT NOT NULL DEFAULT '',
    recorded_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (trainee_id, day, half)
);
CREATE INDEX attendance_day ON attendance (day, trainee_id);

-- Host organisations (internships); the sales module turns this into the
-- contacts directory.
CREATE TABLE organisation (
    id {{ID}},
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    name_key TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'company' CHECK (kind IN ('company', 'public', 'association', 'other')),
    siret TEXT NOT NULL DEFAULT '',
    address_line1 TEXT NOT NULL DEFAULT '',
    postcode TEXT NOT NULL DEFAULT '',
    city TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX organisation_name ON organisation (name_key);

CREATE TABLE internship (
    id {{ID}},
    trainee_id {{REF}} NOT NULL REFERENCES trainee (id),
    organisation_id {{REF}} NOT NULL REFERENCES organisation (id),
    tutor TEXT NOT NULL DEFAULT '',
    start_date TEXT NOT NULL CHECK (start_date LIKE '____-__-__'),
    end_date TEXT NOT NULL CHECK (end_date LIKE '____-__-__'),
    schedule TEXT NOT NULL DEFAULT '',
    assessment TEXT NOT NULL DEFAULT '',
    grade TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (end_date >= start_date)
);
CREATE INDEX internship_trainee ON internship (trainee_id, start_date);

-- Certifications: a catalogue, and each trainee's sessions.
CREATE TABLE certification (
    id {{ID}},
    code TEXT NOT NULL UNIQUE CHECK (length(trim(code)) > 0),
    title TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

INSERT INTO certification (code, title) VALUES
    ('CFG', 'Certificat de formation générale'),
    ('CAP MV', 'CAP maintenance des véhicules'),
    ('CAP métallier', 'CAP métallier'),
    ('SST', 'Sauveteur secouriste du travail'),
    ('ASSR 2', 'Attestation scolaire de sécurité routière, niveau 2');

CREATE TABLE trainee_certification (
    id {{ID}},
    trainee_id {{REF}} NOT NULL REFERENCES trainee (id),
    certification_id {{REF}} NOT NULL REFERENCES certification (id),
    session_year INTEGER NOT NULL CHECK (session_year BETWEEN 1990 AND 2200),
    result TEXT NOT NULL DEFAULT 'registered' CHECK (result IN ('registered', 'passed', 'failed', 'absent')),
    result_date TEXT CHECK (result_date IS NULL OR result_date LIKE '____-__-__'),
    UNIQUE (trainee_id, certification_id, session_year)
);

-- What became of them: at exit, +6 months, +12 months.
CREATE TABLE outcome (
    id {{ID}},
    trainee_id {{REF}} NOT NULL REFERENCES trainee (id),
    milestone TEXT NOT NULL CHECK (milestone IN ('exit', 'm6', 'm12')),
    situation TEXT NOT NULL CHECK (situation IN ('cdi', 'cdd', 'interim', 'apprenticeship', 'training', 'seeking',
                                                 'other', 'unknown')),
    employer TEXT NOT NULL DEFAULT '',
    contact_date TEXT CHECK (contact_date IS NULL OR contact_date LIKE '____-__-__'),
    UNIQUE (trainee_id, milestone)
);

-- Sortable columns of the trainees' list.
CREATE INDEX trainee_birth ON trainee (birth_date);
CREATE INDEX trainee_entry ON trainee (entry_date);
CREATE INDEX trainee_exit ON trainee (exit_date);
