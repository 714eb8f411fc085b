-- Établi schema, step 34: a directory that takes an import of a hundred
-- thousand contacts at spreadsheet speed (issue 22, docs/performance.md).
--
-- The directory kept two indexes for the same order: `organisation_name`
-- (name_key), from the time the table was the organisations', and
-- `contact_list` (name_key, id), which the lists walk. On SQLite they are
-- the same index (a row's id is its rowid, the last key of every index); on
-- PostgreSQL the second answers everything the first did. Every new
-- contact wrote both: the first goes.
--
-- PostgreSQL: the search table was filled by a trigger run for each new
-- row (a function call, an insert and its GIN index entries, row by row).
-- New rows now reach it by one insert per statement, from the statement's
-- rows (a transition table), so that an import's thousand-row statements
-- fill it a thousand at a time. Changes and deletions stay row by row (a
-- trigger naming columns cannot see a transition table).

-- @all
DROP INDEX organisation_name;

-- @postgresql
DROP TRIGGER contact_search_sync ON contact;
CREATE TRIGGER contact_search_sync AFTER DELETE OR UPDATE OF name_key, city_key, postcode ON contact
    FOR EACH ROW EXECUTE FUNCTION contact_search_sync();

CREATE FUNCTION contact_search_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO contact_search (id, key)
    SELECT id, name_key || ' ' || city_key || ' ' || postcode FROM added
    ON CONFLICT (id) DO UPDATE SET key = EXCLUDED.key;
    RETURN NULL;
END;
$$;
CREATE TRIGGER contact_search_added AFTER INSERT ON contact REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION contact_search_added();
