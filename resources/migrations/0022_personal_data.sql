-- Établi schema, step 22: personal data that really disappears
-- (../docs/decisions.md, 38; RGPD art. 5 and 17).
--
-- The audit trail no longer holds the identity of a trainee, a guardian or a
-- contact in clear: a personal value is a keyed digest under a secret of the
-- person it is about; forgetting the person deletes the secret. Rows written
-- before this step are digested and the chain sealed again (C++ step, see
-- AuditRepository::digestLegacyPersonalValues), the previous head kept in a
-- last row.
CREATE TABLE audit_subject_key (
    subject TEXT PRIMARY KEY,
    secret TEXT NOT NULL,
    created_at TEXT NOT NULL
);

-- Candidates who were not admitted are anonymised some months after the
-- decision (its day is their exit date).
ALTER TABLE school ADD COLUMN retention_candidate_months INTEGER NOT NULL DEFAULT 12
    CHECK (retention_candidate_months BETWEEN 1 AND 120);
UPDATE trainee SET exit_date = substr(updated_at, 1, 10) WHERE status = 'refused' AND exit_date IS NULL;

-- Reading a trainee's follow-up notes or guardians is recorded: a new
-- action, "read". SQLite cannot change a CHECK: the trail is rebuilt (its
-- rows, ids and hashes copied as they are), then digested (C++), then its
-- indexes and append-only triggers are created again.
-- etabli: rebuilds-tables
-- @sqlite
CREATE TABLE audit_log_new (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    user_id INTEGER REFERENCES app_user (id),
    user_login TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL DEFAULT '',
    action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'login', 'login_failed', 'lock',
                                           'password', 'export', 'anonymise', 'restore', 'read')),
    changes TEXT NOT NULL DEFAULT '',
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL UNIQUE
);
INSERT INTO audit_log_new (id, at, user_id, user_login, entity, entity_id, action, changes, prev_hash, hash)
    SELECT id, at, user_id, user_login, entity, entity_id, action, changes, prev_hash, hash FROM audit_log;
DROP TABLE audit_log;
ALTER TABLE audit_log_new RENAME TO audit_log;
-- @postgresql
DROP TRIGGER audit_log_no_change ON audit_log;
ALTER TABLE audit_log DROP CONSTRAINT audit_log_action_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_action_check CHECK (action IN ('create', 'update', 'delete',
    'login', 'login_failed', 'lock', 'password', 'export', 'anonymise', 'restore', 'read'));
-- @all
-- etabli: run-code
-- @sqlite
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_user ON audit_log (user_login, at);
CREATE INDEX audit_log_entity ON audit_log (entity, at);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
-- @postgresql
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
