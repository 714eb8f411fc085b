#!/usr/bin/env bash
# Copies a federation demo made on SQLite (etabli-cli demo --scale federation)
# into a new PostgreSQL database, for the lists' benchmark on PostgreSQL:
# generating the federation through the services on PostgreSQL takes hours,
# copying its rows takes minutes. For benchmarks only: the copy is made as a
# superuser with the triggers off (session_replication_role = replica), the
# rows as they are; the search tables are filled as schema 26 fills them.
#
#   tests/bench/federation-to-postgresql.sh /tmp/fed.sqlite postgresql://etabli@127.0.0.1:55432/fed
set -euo pipefail
src=${1:?a SQLite federation demo}
url=${2:?a postgresql:// address of a database to create}
cli=${ETABLI_CLI:-build/bench/src/cli/etabli-cli}
db=${url##*/}
admin=${url%/*}/postgres

psql -q "$admin" -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
"$cli" migrate --database "$src" >/dev/null
ETABLI_PASSWORD=etabli-demo-2026 "$cli" init --database "$url" --school-name "Fédération" --user direction >/dev/null

tables=$(sqlite3 "$src" "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
  AND name <> 'schema_migrations' AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT IN
  (SELECT name || '_' || s FROM sqlite_master, (SELECT 'data' s UNION SELECT 'idx' UNION SELECT 'content'
   UNION SELECT 'docsize' UNION SELECT 'config') WHERE sql LIKE 'CREATE VIRTUAL%')")
psql -q "$url" -c "SET session_replication_role = replica; TRUNCATE $(echo $tables | tr ' ' ','), invoice_search,
  quote_search, work_order_search, contact_search, production_search"
for t in $tables; do
  # The columns by name (the two engines' tables may order them differently);
  # blobs (the logo) are left out.
  cols=$(sqlite3 "$src" "SELECT group_concat(name, ',') FROM pragma_table_info('$t') WHERE type <> 'BLOB'")
  sqlite3 -csv -noheader -cmd ".nullvalue '\\N'" "$src" "SELECT $cols FROM $t" |
    psql -q "$url" -c "SET session_replication_role = replica; COPY $t ($cols) FROM STDIN WITH (FORMAT csv, NULL '\\N')"
  if sqlite3 "$src" "SELECT 1 FROM pragma_table_info('$t') WHERE name = 'id' AND pk = 1" | grep -q 1; then
    psql -q "$url" -c "SELECT setval(pg_get_serial_sequence('$t', 'id'), GREATEST(1, (SELECT MAX(id) FROM $t)))" >/dev/null
  fi
done
psql -q "$url" <<'SQL'
INSERT INTO invoice_search (id, key)
SELECT i.id, lower(COALESCE(i.number, '')) || ' ' || c.name_key FROM invoice i JOIN contact c ON c.id = i.contact_id;
INSERT INTO quote_search (id, key)
SELECT q.id, lower(q.number) || ' ' || c.name_key FROM quote q JOIN contact c ON c.id = q.contact_id;
INSERT INTO work_order_search (id, key)
SELECT o.id, lower(o.number) || ' ' || c.name_key FROM work_order o JOIN contact c ON c.id = o.contact_id;
INSERT INTO contact_search (id, key) SELECT id, name_key || ' ' || lower(city) || ' ' || postcode FROM contact;
INSERT INTO production_search (id, key) SELECT id, lower(reference) FROM production_entry;
VACUUM ANALYZE;
SQL
echo "copied into $url"
