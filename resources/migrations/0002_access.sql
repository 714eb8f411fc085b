-- Établi schema, step 2: users, roles and permissions, the audit trail.

-- Accounts. Users are never deleted (the audit trail names them): deactivated.
CREATE TABLE app_user (
    id {{ID}},
    login TEXT NOT NULL CHECK (length(trim(login)) > 0),
    login_key TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL CHECK (role IN ('direction', 'secretariat', 'formateur', 'lecture')),
    password_hash TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT,
    last_login_at TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- The sections a trainer works in (role formateur).
CREATE TABLE user_section (
    user_id {{REF}} NOT NULL REFERENCES app_user (id),
    section_id {{REF}} NOT NULL REFERENCES section (id),
    PRIMARY KEY (user_id, section_id)
);

-- Permissions are data: what each role may do.
CREATE TABLE role_permission (
    role TEXT NOT NULL CHECK (role IN ('direction', 'secretariat', 'formateur', 'lecture')),
    permission TEXT NOT NULL,
    PRIMARY KEY (role, permission)
);

INSERT INTO role_permission (role, permission) VALUES
    ('direction', 'settings.edit'),
    ('direction', 'users.manage'),
    ('direction', 'audit.read'),
    ('direction', 'backup.run'),
    ('direction', 'trainees.read'),
    ('direction', 'trainees.write'),
    ('direction', 'trainees.sensitive'),
    ('direction', 'attendance.write'),
    ('direction', 'production.write'),
    ('direction', 'sales.read'),
    ('direction', 'sales.write'),
    ('direction', 'funding.read'),
    ('direction', 'funding.write'),
    ('direction', 'reports.read'),
    ('direction', 'personal_data.export'),
    ('direction', 'retention.apply'),
    ('secretariat', 'settings.edit'),
    ('secretariat', 'backup.run'),
    ('secretariat', 'trainees.read'),
    ('secretariat', 'trainees.write'),
    ('secretariat', 'trainees.sensitive'),
    ('secretariat', 'attendance.write'),
    ('secretariat', 'production.write'),
    ('secretariat', 'sales.read'),
    ('secretariat', 'sales.write'),
    ('secretariat', 'funding.read'),
    ('secretariat', 'funding.write'),
    ('secretariat', 'reports.read'),
    ('formateur', 'trainees.read'),
    ('formateur', 'attendance.write'),
    ('formateur', 'production.write'),
    ('lecture', 'trainees.read'),
    ('lecture', 'sales.read'),
    ('lecture', 'funding.read'),
    ('lecture', 'reports.read');

-- The audit trail: append-only, each row chained to the previous one by
-- SHA-256 (see AuditRepository for the hashed text).
CREATE TABLE audit_log (
    id {{ID}},
    at TEXT NOT NULL,
    user_id {{REF}} REFERENCES app_user (id),
    user_login TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL DEFAULT '',
    action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'login', 'login_failed', 'lock',
                                           'password', 'export', 'anonymise', 'restore')),
    changes TEXT NOT NULL DEFAULT '',
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL UNIQUE
);

CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_user ON audit_log (user_login, at);
CREATE INDEX audit_log_entity ON audit_log (entity, at);

-- @sqlite
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

-- @postgresql
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END;
$$;

CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

-- @all
-- Retention (GDPR): trainees are anonymised some years after they left;
-- invoices are kept at least 10 years (French law).
ALTER TABLE school ADD COLUMN retention_trainee_years INTEGER NOT NULL DEFAULT 5
    CHECK (retention_trainee_years BETWEEN 1 AND 50);
ALTER TABLE school ADD COLUMN retention_invoice_years INTEGER NOT NULL DEFAULT 10
    CHECK (retention_invoice_years BETWEEN 10 AND 50);
ALTER TABLE trainee ADD COLUMN anonymised_at TEXT;
