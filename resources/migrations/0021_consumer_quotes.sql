-- Établi schema, step 21: quotes to private persons (C. conso. L111-1,
-- R111-1, L616-1; ../docs/decisions.md, 37). A quote says when the work will
-- be done; the school names its consumer mediator, printed on the quotes to
-- private persons with the legal guarantee of conformity.

ALTER TABLE quote ADD COLUMN execution_time TEXT NOT NULL DEFAULT '';
ALTER TABLE school ADD COLUMN consumer_mediator TEXT NOT NULL DEFAULT '';
