#!/usr/bin/env bash
# The back office as the e2e run starts it (playwright.config.ts, webServer): serving the built
# kiosk from ./dist, on PGlite in a data folder that is emptied first, so every run starts from the
# sandbox's seed and no state leaks from the run before. DATABASE_URL is dropped on purpose: a
# developer's PostgreSQL must never receive test data. The server's log goes to
# .cache/e2e/backoffice-<port>.log (Playwright shows only its stderr).
set -euo pipefail
cd "$(dirname "$0")/../.."

: "${DATA_DIR:?DATA_DIR must name the e2e data folder}"
: "${PORT:?PORT must be set}"
[[ $DATA_DIR != / && $DATA_DIR != "$PWD" ]] || { echo "refusing to empty DATA_DIR=$DATA_DIR" >&2; exit 1; }
rm -rf "$DATA_DIR"
mkdir -p "$DATA_DIR"
unset DATABASE_URL
log=.cache/e2e/backoffice-$PORT.log
mkdir -p "$(dirname "$log")"
echo "e2e: back office on 127.0.0.1:$PORT, data in $DATA_DIR, log in $log" >&2
export SANDBOX=1
exec node --import tsx server/main.ts >"$log"
