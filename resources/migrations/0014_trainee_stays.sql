-- Établi schema, step 14: a trainee's stays at the school. The trainee's
-- record keeps the first entry, the last exit and the current section; the
-- stays keep the story the indicators count: who entered in a year (also
-- those who come back), who changed section on which day, who left and why.
-- Written by the trainees' repository with every change of the record.
CREATE TABLE trainee_stay (
    id {{ID}},
    trainee_id {{REF}} NOT NULL REFERENCES trainee (id),
    section_id {{REF}} REFERENCES section (id),
    kind TEXT NOT NULL CHECK (kind IN ('entry', 'return', 'transfer')),
    start_date TEXT NOT NULL CHECK (start_date LIKE '____-__-__'),
    end_date TEXT CHECK (end_date IS NULL OR end_date LIKE '____-__-__'),
    exit_reason TEXT,
    CHECK (end_date IS NULL OR end_date >= start_date),
    CHECK (exit_reason IS NULL OR end_date IS NOT NULL)
);
CREATE INDEX trainee_stay_trainee ON trainee_stay (trainee_id, start_date);
CREATE INDEX trainee_stay_start ON trainee_stay (start_date);
CREATE INDEX trainee_stay_end ON trainee_stay (end_date);

INSERT INTO trainee_stay (trainee_id, section_id, kind, start_date, end_date, exit_reason)
SELECT id, section_id, 'entry', entry_date, exit_date, CASE WHEN status = 'left' THEN exit_reason END
FROM trainee
WHERE status IN ('enrolled', 'left') AND entry_date IS NOT NULL AND (exit_date IS NULL OR exit_date >= entry_date);
