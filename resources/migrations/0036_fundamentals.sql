-- Établi schema, step 36: the fundamentals of an école de production,
-- measured (issue 23, item 4). The register records, for each half-day,
-- whether the young person was in the workshop or in class: a section's
-- weekly timetable says which half-days are class, and each half-day
-- recorded keeps what it was then. The school's targets sit beside the
-- figures: about two thirds of the presence time in the workshop, at most
-- about twelve young people per master trainer, and the share of the
-- production hours spent on customers' orders the school aims at.

-- @all
ALTER TABLE attendance ADD COLUMN activity TEXT NOT NULL DEFAULT 'workshop'
    CHECK (activity = 'workshop' OR activity = 'class');

-- The half-days of the week a section spends in class (the others: workshop).
CREATE TABLE section_class_slot (
    section_id {{REF}} NOT NULL REFERENCES section (id),
    weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 5),
    half TEXT NOT NULL CHECK (half = 'am' OR half = 'pm'),
    PRIMARY KEY (section_id, weekday, half)
);

ALTER TABLE school ADD COLUMN target_practice_bp INTEGER NOT NULL DEFAULT 6667
    CHECK (target_practice_bp BETWEEN 0 AND 10000);
ALTER TABLE school ADD COLUMN target_trainees_per_master INTEGER NOT NULL DEFAULT 12
    CHECK (target_trainees_per_master BETWEEN 1 AND 100);
ALTER TABLE school ADD COLUMN target_customer_order_bp INTEGER NOT NULL DEFAULT 6000
    CHECK (target_customer_order_bp BETWEEN 0 AND 10000);
