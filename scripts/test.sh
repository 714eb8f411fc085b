#!/usr/bin/env bash
# Installs what is missing, builds Établi with ASan+UBSan (warnings as
# errors) and runs the whole test suite through ctest. Storage tests also run
# on PostgreSQL: a throw-away cluster is started here unless ETABLI_TEST_PG
# already names a server.
#
# It ends with its timing table: the build, each test program, the whole
# run and the ten slowest tests. The budget (docs/development.md): the whole
# script under 25 minutes on a two-core machine.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS
scripts/setup.sh
cmake --preset ci >/dev/null
cmake --build --preset ci
built=$SECONDS

pg_dir=""
cleanup() {
  if [ -n "$pg_dir" ]; then
    runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$pg_dir"
  fi
}
trap cleanup EXIT

if [ -z "${ETABLI_TEST_PG:-}" ]; then
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$pg_bin" ] && [ "$(id -u)" -eq 0 ] && id postgres >/dev/null 2>&1; then
    pg_dir=$(mktemp -d /tmp/etabli-pg.XXXXXX)
    chown postgres "$pg_dir"
    port=$(( 20000 + RANDOM % 20000 ))
    runuser -u postgres -- "$pg_bin/initdb" -D "$pg_dir/data" -U etabli --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    # Trust for the tests' own role; a password (SCRAM) for the roles the
    # tests put in etabli_password_users, as a real server asks.
    sed -i '1i host all +etabli_password_users 127.0.0.1/32 scram-sha-256' "$pg_dir/data/pg_hba.conf"
    runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/log" -w \
      -o "-p $port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
    runuser -u postgres -- "$pg_bin/psql" -q -h "$pg_dir" -p "$port" -U etabli -d postgres \
      -c "CREATE ROLE etabli_password_users NOLOGIN" >/dev/null
    export ETABLI_TEST_PG="postgresql://etabli@127.0.0.1:$port/postgres"
    echo "PostgreSQL de test : $ETABLI_TEST_PG"
  else
    echo "PostgreSQL indisponible : les tests de stockage ne tournent que sur SQLite."
  fi
fi

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:suppressions=$PWD/tests/support/asan.supp"
export LSAN_OPTIONS="suppressions=$PWD/tests/support/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
# The demos the tests copy are generated once per run (tests/support/democache.h).
rm -rf build/ci/test-cache
junit=build/ci/test-results.xml
rc=0
ctest --preset ci -j"$(nproc)" --output-junit "$PWD/$junit" || rc=$?
ended=$SECONDS
if [ -f "$junit" ]; then
  python3 scripts/test-timings.py "$junit" $((built - started)) $((ended - built)) $((ended - started)) || true
fi
exit $rc
