-- Établi schema, step 35: what each young person has learnt (issue 23,
-- items 1 and 2). A certification of the catalogue (a CAP…) gets its skill
-- framework (référentiel): blocks of competences, competences, and
-- observable criteria, each with a code unique in the framework. The
-- workshop skills the production log already records map onto competences,
-- so that the jobs a young person did become the evidence of what they
-- practised. A master trainer evaluates a trainee on a competence: a level
-- on a four-step scale, a day, who, a comment, and the jobs that prove it.
-- An evaluation is never changed: a new one is recorded, the latest counts.

-- @all
-- A framework typed or imported by the school is its own; the demo's are
-- plausible examples, not the official texts, and say so.
ALTER TABLE certification ADD COLUMN framework_demo INTEGER NOT NULL DEFAULT 0 CHECK (framework_demo IN (0, 1));

CREATE TABLE competence_block (
    id {{ID}},
    certification_id {{REF}} NOT NULL REFERENCES certification (id),
    code TEXT NOT NULL CHECK (length(trim(code)) > 0),
    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
    position INTEGER NOT NULL CHECK (position > 0),
    UNIQUE (certification_id, code)
);

CREATE TABLE competence (
    id {{ID}},
    block_id {{REF}} NOT NULL REFERENCES competence_block (id),
    -- The block's certification again: a code is unique in the framework.
    certification_id {{REF}} NOT NULL REFERENCES certification (id),
    code TEXT NOT NULL CHECK (length(trim(code)) > 0),
    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
    position INTEGER NOT NULL CHECK (position > 0),
    UNIQUE (certification_id, code)
);
CREATE INDEX competence_block_order ON competence (block_id, position);

CREATE TABLE competence_criterion (
    id {{ID}},
    competence_id {{REF}} NOT NULL REFERENCES competence (id),
    code TEXT NOT NULL CHECK (length(trim(code)) > 0),
    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
    position INTEGER NOT NULL CHECK (position > 0),
    UNIQUE (competence_id, code)
);

-- A workshop skill practises one or more competences.
CREATE TABLE skill_competence (
    skill_id {{REF}} NOT NULL REFERENCES skill (id),
    competence_id {{REF}} NOT NULL REFERENCES competence (id),
    PRIMARY KEY (skill_id, competence_id)
);
CREATE INDEX skill_competence_competence ON skill_competence (competence_id);

CREATE TABLE competence_evaluation (
    id {{ID}},
    trainee_id {{REF}} NOT NULL REFERENCES trainee (id),
    competence_id {{REF}} NOT NULL REFERENCES competence (id),
    level TEXT NOT NULL
        CHECK ((level = 'not_started' OR level = 'in_progress' OR level = 'acquired' OR level = 'mastered')),
    day TEXT NOT NULL CHECK (day LIKE '____-__-__'),
    evaluator_id {{REF}} REFERENCES app_user (id),
    evaluator_name TEXT NOT NULL CHECK (length(trim(evaluator_name)) > 0),
    comment TEXT NOT NULL DEFAULT '',
    recorded_at TEXT NOT NULL
);
-- The latest of a trainee's competence: the last by day, then by id.
CREATE INDEX competence_evaluation_latest ON competence_evaluation (trainee_id, competence_id, day, id);
CREATE INDEX competence_evaluation_competence ON competence_evaluation (competence_id);

CREATE TABLE evaluation_evidence (
    evaluation_id {{REF}} NOT NULL REFERENCES competence_evaluation (id),
    entry_id {{REF}} NOT NULL REFERENCES production_entry (id),
    PRIMARY KEY (evaluation_id, entry_id)
);
CREATE INDEX evaluation_evidence_entry ON evaluation_evidence (entry_id);

INSERT INTO role_permission (role, permission) VALUES ('direction', 'learning.frameworks');
INSERT INTO role_permission (role, permission) VALUES ('direction', 'learning.evaluate');
INSERT INTO role_permission (role, permission) VALUES ('formateur', 'learning.evaluate');

-- @sqlite
CREATE TRIGGER competence_evaluation_frozen BEFORE UPDATE OF trainee_id, competence_id, level, day, evaluator_id,
    evaluator_name, recorded_at ON competence_evaluation
BEGIN
    SELECT RAISE(ABORT, 'an evaluation is never changed: record a new one');
END;

-- @postgresql
CREATE FUNCTION competence_evaluation_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'an evaluation is never changed: record a new one';
END;
$$;
CREATE TRIGGER competence_evaluation_frozen BEFORE UPDATE OF trainee_id, competence_id, level, day, evaluator_id,
    evaluator_name, recorded_at ON competence_evaluation
    FOR EACH ROW EXECUTE FUNCTION competence_evaluation_frozen();
