-- Établi schema, step 13: the texts the reports carry besides the figures.
--
-- The activity report's narrative (highlights, difficulties, outlook),
-- written in the application as rich text and kept per school year.
CREATE TABLE report_narrative (
    id {{ID}},
    school_year TEXT NOT NULL CHECK (school_year LIKE '____-____'),
    part TEXT NOT NULL CHECK (part IN ('highlights', 'difficulties', 'outlook')),
    body_html TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    UNIQUE (school_year, part)
);

-- The subsidy's final account (Cerfa n°15059): the action funded, the
-- deviations from its forecast explained, and which indicators the funder
-- asked for (their JSON keys, comma-separated).
ALTER TABLE subsidy ADD COLUMN action_description TEXT NOT NULL DEFAULT '';
ALTER TABLE subsidy ADD COLUMN deviation_explanation TEXT NOT NULL DEFAULT '';
ALTER TABLE subsidy ADD COLUMN asked_indicators TEXT NOT NULL DEFAULT '';

-- Writing the reports' texts.
INSERT INTO role_permission (role, permission) VALUES
    ('direction', 'reports.write'),
    ('secretariat', 'reports.write');
