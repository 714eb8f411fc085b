-- Établi schema, step 29: who is connected (issue 20, item 4). Several PCs
-- on one PostgreSQL server: each open window keeps a row here, its
-- seen_at written every thirty seconds by the server's clock; a row not
-- seen for two minutes is a window gone (a PC switched off, a network cut)
-- and is deleted by the next heartbeat of any PC. On SQLite the table stays
-- empty: one file, one PC.
CREATE TABLE app_session (
    id {{ID}},
    user_id {{REF}} NOT NULL REFERENCES app_user (id),
    computer TEXT NOT NULL,
    started_at TEXT NOT NULL,
    seen_at TEXT NOT NULL
);

CREATE INDEX app_session_seen ON app_session (seen_at);
