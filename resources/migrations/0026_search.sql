-- Établi schema, step 26: the lists' text searches read an index (issue 19,
-- item 5). Each searched list has a table of its rows' folded search text,
-- keyed by the row's id and kept in step by the triggers below:
--   invoice_search, quote_search, work_order_search: the number and the
--     customer's folded name (contact.name_key, as the lists searched it);
--   contact_search: the folded name, the folded town (contact.city_key,
--     new here, written by the application like name_key) and the postcode;
--   production_search: the entry's reference.
-- SQLite: an FTS5 table with the trigram tokenizer (a search of three
-- letters or more is a phrase of trigrams: the index answers without
-- reading the rows). PostgreSQL: a table with a pg_trgm GIN index (LIKE
-- '%…%' through the index). The trainees have no such index: their list is
-- a few hundred rows a school, and an index's segments would keep a minor's
-- name after the retention rule anonymised it (decision 57).

ALTER TABLE contact ADD COLUMN city_key TEXT NOT NULL DEFAULT '';
-- etabli: run-code

-- The credit notes' filter, in the invoices' list order (a bound kind cannot
-- use a partial index on SQLite, decision 51: the kind leads).
CREATE INDEX invoice_list_kind ON invoice (kind, (COALESCE(issue_date, substr(created_at, 1, 10))), id);

-- @sqlite
CREATE VIRTUAL TABLE invoice_search USING fts5(key, tokenize = 'trigram');
CREATE VIRTUAL TABLE quote_search USING fts5(key, tokenize = 'trigram');
CREATE VIRTUAL TABLE work_order_search USING fts5(key, tokenize = 'trigram');
CREATE VIRTUAL TABLE contact_search USING fts5(key, tokenize = 'trigram');
CREATE VIRTUAL TABLE production_search USING fts5(key, tokenize = 'trigram');

INSERT INTO invoice_search (rowid, key)
SELECT i.id, lower(COALESCE(i.number, '')) || ' ' || c.name_key FROM invoice i JOIN contact c ON c.id = i.contact_id;
INSERT INTO quote_search (rowid, key)
SELECT q.id, lower(q.number) || ' ' || c.name_key FROM quote q JOIN contact c ON c.id = q.contact_id;
INSERT INTO work_order_search (rowid, key)
SELECT o.id, lower(o.number) || ' ' || c.name_key FROM work_order o JOIN contact c ON c.id = o.contact_id;
INSERT INTO contact_search (rowid, key)
SELECT id, name_key || ' ' || city_key || ' ' || postcode FROM contact;
INSERT INTO production_search (rowid, key) SELECT id, lower(reference) FROM production_entry;

CREATE TRIGGER invoice_search_insert AFTER INSERT ON invoice
BEGIN
    INSERT INTO invoice_search (rowid, key)
    SELECT NEW.id, lower(COALESCE(NEW.number, '')) || ' ' || c.name_key FROM contact c WHERE c.id = NEW.contact_id;
END;
CREATE TRIGGER invoice_search_update AFTER UPDATE OF number, contact_id ON invoice
BEGIN
    UPDATE invoice_search
    SET key = (SELECT lower(COALESCE(NEW.number, '')) || ' ' || c.name_key FROM contact c WHERE c.id = NEW.contact_id)
    WHERE rowid = NEW.id;
END;
CREATE TRIGGER invoice_search_delete AFTER DELETE ON invoice
BEGIN
    DELETE FROM invoice_search WHERE rowid = OLD.id;
END;

CREATE TRIGGER quote_search_insert AFTER INSERT ON quote
BEGIN
    INSERT INTO quote_search (rowid, key)
    SELECT NEW.id, lower(NEW.number) || ' ' || c.name_key FROM contact c WHERE c.id = NEW.contact_id;
END;
CREATE TRIGGER quote_search_update AFTER UPDATE OF number, contact_id ON quote
BEGIN
    UPDATE quote_search
    SET key = (SELECT lower(NEW.number) || ' ' || c.name_key FROM contact c WHERE c.id = NEW.contact_id)
    WHERE rowid = NEW.id;
END;
CREATE TRIGGER quote_search_delete AFTER DELETE ON quote
BEGIN
    DELETE FROM quote_search WHERE rowid = OLD.id;
END;

CREATE TRIGGER work_order_search_insert AFTER INSERT ON work_order
BEGIN
    INSERT INTO work_order_search (rowid, key)
    SELECT NEW.id, lower(NEW.number) || ' ' || c.name_key FROM contact c WHERE c.id = NEW.contact_id;
END;
CREATE TRIGGER work_order_search_update AFTER UPDATE OF number, contact_id ON work_order
BEGIN
    UPDATE work_order_search
    SET key = (SELECT lower(NEW.number) || ' ' || c.name_key FROM contact c WHERE c.id = NEW.contact_id)
    WHERE rowid = NEW.id;
END;
CREATE TRIGGER work_order_search_delete AFTER DELETE ON work_order
BEGIN
    DELETE FROM work_order_search WHERE rowid = OLD.id;
END;

CREATE TRIGGER contact_search_insert AFTER INSERT ON contact
BEGIN
    INSERT INTO contact_search (rowid, key) VALUES (NEW.id, NEW.name_key || ' ' || NEW.city_key || ' ' || NEW.postcode);
END;
CREATE TRIGGER contact_search_update AFTER UPDATE OF name_key, city_key, postcode ON contact
BEGIN
    UPDATE contact_search SET key = NEW.name_key || ' ' || NEW.city_key || ' ' || NEW.postcode WHERE rowid = NEW.id;
END;
-- A renamed customer is found by the new name in their documents' lists.
CREATE TRIGGER contact_search_rename AFTER UPDATE OF name_key ON contact WHEN OLD.name_key <> NEW.name_key
BEGIN
    UPDATE invoice_search
    SET key = (SELECT lower(COALESCE(i.number, '')) || ' ' || NEW.name_key FROM invoice i WHERE i.id = invoice_search.rowid)
    WHERE rowid IN (SELECT id FROM invoice WHERE contact_id = NEW.id);
    UPDATE quote_search
    SET key = (SELECT lower(q.number) || ' ' || NEW.name_key FROM quote q WHERE q.id = quote_search.rowid)
    WHERE rowid IN (SELECT id FROM quote WHERE contact_id = NEW.id);
    UPDATE work_order_search
    SET key = (SELECT lower(o.number) || ' ' || NEW.name_key FROM work_order o WHERE o.id = work_order_search.rowid)
    WHERE rowid IN (SELECT id FROM work_order WHERE contact_id = NEW.id);
END;
CREATE TRIGGER contact_search_delete AFTER DELETE ON contact
BEGIN
    DELETE FROM contact_search WHERE rowid = OLD.id;
END;

CREATE TRIGGER production_search_insert AFTER INSERT ON production_entry
BEGIN
    INSERT INTO production_search (rowid, key) VALUES (NEW.id, lower(NEW.reference));
END;
CREATE TRIGGER production_search_update AFTER UPDATE OF reference ON production_entry
BEGIN
    UPDATE production_search SET key = lower(NEW.reference) WHERE rowid = NEW.id;
END;
CREATE TRIGGER production_search_delete AFTER DELETE ON production_entry
BEGIN
    DELETE FROM production_search WHERE rowid = OLD.id;
END;

-- @postgresql
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE TABLE invoice_search (id BIGINT PRIMARY KEY, key TEXT NOT NULL);
CREATE TABLE quote_search (id BIGINT PRIMARY KEY, key TEXT NOT NULL);
CREATE TABLE work_order_search (id BIGINT PRIMARY KEY, key TEXT NOT NULL);
CREATE TABLE contact_search (id BIGINT PRIMARY KEY, key TEXT NOT NULL);
CREATE TABLE production_search (id BIGINT PRIMARY KEY, key TEXT NOT NULL);

INSERT INTO invoice_search (id, key)
SELECT i.id, lower(COALESCE(i.number, '')) || ' ' || c.name_key FROM invoice i JOIN contact c ON c.id = i.contact_id;
INSERT INTO quote_search (id, key)
SELECT q.id, lower(q.number) || ' ' || c.name_key FROM quote q JOIN contact c ON c.id = q.contact_id;
INSERT INTO work_order_search (id, key)
SELECT o.id, lower(o.number) || ' ' || c.name_key FROM work_order o JOIN contact c ON c.id = o.contact_id;
INSERT INTO contact_search (id, key) SELECT id, name_key || ' ' || city_key || ' ' || postcode FROM contact;
INSERT INTO production_search (id, key) SELECT id, lower(reference) FROM production_entry;

CREATE INDEX invoice_search_key ON invoice_search USING gin (key gin_trgm_ops);
CREATE INDEX quote_search_key ON quote_search USING gin (key gin_trgm_ops);
CREATE INDEX work_order_search_key ON work_order_search USING gin (key gin_trgm_ops);
CREATE INDEX contact_search_key ON contact_search USING gin (key gin_trgm_ops);
CREATE INDEX production_search_key ON production_search USING gin (key gin_trgm_ops);

-- One function per searched table: its row's key, written on insert and on
-- the change of what it is made of, removed with the row.
CREATE FUNCTION invoice_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM invoice_search WHERE id = OLD.id;
        RETURN OLD;
    END IF;
    INSERT INTO invoice_search (id, key)
    SELECT NEW.id, lower(COALESCE(NEW.number, '')) || ' ' || c.name_key FROM contact c WHERE c.id = NEW.contact_id
    ON CONFLICT (id) DO UPDATE SET key = EXCLUDED.key;
    RETURN NEW;
END;
$$;
CREATE TRIGGER invoice_search_sync AFTER INSERT OR DELETE OR UPDATE OF number, contact_id ON invoice
    FOR EACH ROW EXECUTE FUNCTION invoice_search_sync();

CREATE FUNCTION quote_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM quote_search WHERE id = OLD.id;
        RETURN OLD;
    END IF;
    INSERT INTO quote_search (id, key)
    SELECT NEW.id, lower(NEW.number) || ' ' || c.name_key FROM contact c WHERE c.id = NEW.contact_id
    ON CONFLICT (id) DO UPDATE SET key = EXCLUDED.key;
    RETURN NEW;
END;
$$;
CREATE TRIGGER quote_search_sync AFTER INSERT OR DELETE OR UPDATE OF number, contact_id ON quote
    FOR EACH ROW EXECUTE FUNCTION quote_search_sync();

CREATE FUNCTION work_order_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM work_order_search WHERE id = OLD.id;
        RETURN OLD;
    END IF;
    INSERT INTO work_order_search (id, key)
    SELECT NEW.id, lower(NEW.number) || ' ' || c.name_key FROM contact c WHERE c.id = NEW.contact_id
    ON CONFLICT (id) DO UPDATE SET key = EXCLUDED.key;
    RETURN NEW;
END;
$$;
CREATE TRIGGER work_order_search_sync AFTER INSERT OR DELETE OR UPDATE OF number, contact_id ON work_order
    FOR EACH ROW EXECUTE FUNCTION work_order_search_sync();

CREATE FUNCTION contact_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM contact_search WHERE id = OLD.id;
        RETURN OLD;
    END IF;
    INSERT INTO contact_search (id, key) VALUES (NEW.id, NEW.name_key || ' ' || NEW.city_key || ' ' || NEW.postcode)
    ON CONFLICT (id) DO UPDATE SET key = EXCLUDED.key;
    -- A renamed customer is found by the new name in their documents' lists.
    IF TG_OP = 'UPDATE' AND OLD.name_key <> NEW.name_key THEN
        UPDATE invoice_search s SET key = lower(COALESCE(i.number, '')) || ' ' || NEW.name_key
        FROM invoice i WHERE i.contact_id = NEW.id AND s.id = i.id;
        UPDATE quote_search s SET key = lower(q.number) || ' ' || NEW.name_key
        FROM quote q WHERE q.contact_id = NEW.id AND s.id = q.id;
        UPDATE work_order_search s SET key = lower(o.number) || ' ' || NEW.name_key
        FROM work_order o WHERE o.contact_id = NEW.id AND s.id = o.id;
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER contact_search_sync AFTER INSERT OR DELETE OR UPDATE OF name_key, city_key, postcode ON contact
    FOR EACH ROW EXECUTE FUNCTION contact_search_sync();

CREATE FUNCTION production_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM production_search WHERE id = OLD.id;
        RETURN OLD;
    END IF;
    INSERT INTO production_search (id, key) VALUES (NEW.id, lower(NEW.reference))
    ON CONFLICT (id) DO UPDATE SET key = EXCLUDED.key;
    RETURN NEW;
END;
$$;
CREATE TRIGGER production_search_sync AFTER INSERT OR DELETE OR UPDATE OF reference ON production_entry
    FOR EACH ROW EXECUTE FUNCTION production_search_sync();

-- @all
