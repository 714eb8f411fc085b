-- Établi schema, step 12: the reference values the reports show beside the
-- school's own figures (the federation's published exam success rate, the
-- national InserJeunes insertion rate of apprentices), each with its source
-- and year, typed by the school from the published documents.
CREATE TABLE reference_value (
    id {{ID}},
    code TEXT NOT NULL UNIQUE CHECK (code IN ('federation_exam_success', 'inserjeunes_apprentices')),
    label TEXT NOT NULL,
    value_bp INTEGER CHECK (value_bp IS NULL OR value_bp BETWEEN 0 AND 10000),
    source TEXT NOT NULL DEFAULT '',
    year INTEGER CHECK (year IS NULL OR year BETWEEN 1990 AND 2200),
    version INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL DEFAULT '',
    CHECK (value_bp IS NULL OR (length(trim(source)) > 0 AND year IS NOT NULL))
);

INSERT INTO reference_value (code, label) VALUES
    ('federation_exam_success', 'Taux de réussite aux examens des écoles de production (fédération)'),
    ('inserjeunes_apprentices', 'Taux d''insertion des apprentis (InserJeunes, national)');
