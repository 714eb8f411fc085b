#!/usr/bin/env bash
# Smoke test: the real `etabli` starts on a fresh demo database (offscreen),
# shows its window and quits cleanly by itself.
set -euo pipefail
cli=$1
app=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" QT_QPA_PLATFORM=offscreen
"$cli" demo --database "$work/demo.sqlite" >/dev/null
ETABLI_PASSWORD=etabli-demo-2026 "$app" --database "$work/demo.sqlite" --user direction --quit-after 1500 \
  --log-level info
log="$work/data/Etabli/etabli/etabli.log"
grep -q "Établi closed" "$log"
# The day's automatic backup was taken on close.
ls "$work"/sauvegardes/demo-*.sqlite >/dev/null
"$cli" check --database "$work/demo.sqlite" >/dev/null
# The login went into the audit trail.
sqlite3 "$work/demo.sqlite" "SELECT count(*) FROM audit_log WHERE action = 'login' AND user_login = 'direction'" | grep -q '^1$'
echo "etabli started on the demo database and quit cleanly"
