-- Établi schema, step 23: the certifications a section prepares (issue 18,
-- item 17). A spreadsheet's "CAP" column is the CAP of the trainee's section
-- (CAP métallier for a Métallerie trainee) when the section prepares one.
CREATE TABLE section_certification (
    section_id {{REF}} NOT NULL REFERENCES section (id),
    certification_id {{REF}} NOT NULL REFERENCES certification (id),
    PRIMARY KEY (section_id, certification_id)
);

-- A school that already recorded results: each section prepares what its
-- trainees were entered for.
INSERT INTO section_certification (section_id, certification_id)
SELECT DISTINCT t.section_id, tc.certification_id
FROM trainee_certification tc JOIN trainee t ON t.id = tc.trainee_id
WHERE t.section_id IS NOT NULL;
