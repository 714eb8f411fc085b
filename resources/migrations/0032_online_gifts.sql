-- Établi schema, step 32: gifts collected online (issue 22, item 2). A gift
-- or a member's dues may be paid "online" (HelloAsso and the like: a card
-- payment the platform passes on), and a gift keeps the reference the
-- platform gave it: the same export imported twice adds nothing, since a
-- reference is recorded once (an empty one, typed by hand, any number of
-- times).
--
-- The list of methods only grows: every stored row still passes the new
-- check. PostgreSQL replaces the constraint; on SQLite the tables'
-- definitions are edited in place (storage/checklists.h), rows and indexes
-- left as they are.

-- @all
ALTER TABLE donation ADD COLUMN reference TEXT NOT NULL DEFAULT '';
CREATE UNIQUE INDEX donation_reference ON donation (reference) WHERE reference <> '';

-- @postgresql
ALTER TABLE donation DROP CONSTRAINT donation_method_check;
ALTER TABLE donation ADD CONSTRAINT donation_method_check
    CHECK (method IN ('cash', 'cheque', 'transfer', 'card', 'other', 'online'));
ALTER TABLE membership_due DROP CONSTRAINT membership_due_method_check;
ALTER TABLE membership_due ADD CONSTRAINT membership_due_method_check
    CHECK (method IN ('cash', 'cheque', 'transfer', 'card', 'other', 'online'));

-- @sqlite
-- etabli: run-code
