#!/usr/bin/env bash
# `npm test`: the one way the project is tested, on a developer's machine and in CI alike.
#   1. system packages (chromium, ffmpeg, postgresql), installed only when missing
#   2. type checks: svelte-check on the kiosk, tsc on the back office, scripts and e2e; eslint
#   3. a throwaway PostgreSQL cluster for this run, removed on exit
#   4. vitest: unit and route tests on in-memory PGlite, then the back office's again on PostgreSQL
#   5. the kiosk's production build, then Playwright against it and the back office
# Any step that fails fails the run; the last line counts the tests: "summary: N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"

results=.cache/test-results
vitest_json=$results/vitest.json
vitest_pg_json=$results/vitest-postgres.json
playwright_json=$results/playwright.json
current_step=none
pg_dir=

step() {
  current_step=$1
  printf '\n\033[1m==> %s\033[0m\n' "$1"
}

finish() {
  local status=$?
  trap - EXIT
  if [[ -n $pg_dir ]]; then
    bash scripts/system/postgres.sh stop "$pg_dir" || echo "warning: could not remove the PostgreSQL cluster in $pg_dir" >&2
  fi
  printf '\n\033[1m==> summary\033[0m\n'
  if ((status != 0)); then
    echo "npm test FAILED in step: $current_step (exit $status)"
  fi
  node --import tsx scripts/system/test-summary.ts "$playwright_json" "$vitest_json" "$vitest_pg_json" || true
  exit "$status"
}
trap finish EXIT
trap 'exit 130' INT TERM

rm -rf "$results"
mkdir -p "$results"

step "1/5 system packages"
bash scripts/system/install-deps.sh
echo "node $(node --version), npm $(npm --version), $(/usr/bin/chromium --version 2>/dev/null || echo 'chromium ?'), $(ffmpeg -version | head -n 1 | cut -d' ' -f1-3)"

step "2/5 type checks"
echo "--- svelte-check (tsconfig.json: kiosk)"
svelte-check --tsconfig ./tsconfig.json --fail-on-warnings
echo "--- tsc (tsconfig.node.json: back office, scripts, e2e)"
tsc -p tsconfig.node.json --noEmit
echo "--- tsc (tsconfig.sw.json: the service worker)"
tsc -p tsconfig.sw.json --noEmit
echo "--- eslint (no floating promises, no warnings)"
eslint . --max-warnings 0
echo "type checks and lint passed"

step "3/5 PostgreSQL for the back office's tests"
# In /tmp, not $TMPDIR: as root the server runs as `postgres`, which must be able to reach it.
pg_dir=$(mktemp -d /tmp/kiosk-test-pg.XXXXXX)
postgres_url=$(bash scripts/system/postgres.sh start "$pg_dir")
echo "PostgreSQL at $postgres_url"

step "4/5 vitest (unit and route tests)"
echo "--- on in-memory PGlite, the back office's default"
vitest run --reporter=default --reporter=json --outputFile.json="$vitest_json"
echo "--- the back office's tests again on PostgreSQL, the production path: the same migrations"
TEST_DATABASE_URL=$postgres_url vitest run --project node server --reporter=default --reporter=json --outputFile.json="$vitest_pg_json"

step "5/5 build the kiosk, then Playwright (e2e)"
# The build needs Node alone (the README's `npm install && npm start` on a fresh machine): ffmpeg and
# chromium stand-ins that fail come first on PATH, and the emulated camera's clip
# (EMULATED_CAMERA_CLIP) is removed so the build makes it again, in JavaScript.
no_system=$(mktemp -d)
for tool in ffmpeg chromium; do
  printf '#!/bin/sh\necho "%s: the build must not need it" >&2\nexit 127\n' "$tool" >"$no_system/$tool"
  chmod +x "$no_system/$tool"
done
rm -f .cache/camera/f06-live.mjpeg public/camera/f06-live.mjpeg
PATH="$no_system:$PATH" npm run build
rm -rf "$no_system"
playwright test
