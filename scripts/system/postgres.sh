#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for one test run, on 127.0.0.1 only, trust auth, no fsync.
#   postgres.sh start DIR   initdb into DIR (an empty folder), start, create database kiosk_test,
#                           print its URL (postgres://postgres@127.0.0.1:PORT/kiosk_test) on stdout
#   postgres.sh stop DIR    stop the server and delete DIR (safe to call twice, or after a failed start)
# The server binaries are Debian's (/usr/lib/postgresql/N/bin, newest N): a PATH lookup could find
# another build, or a symlink that a fresh machine lacks. PostgreSQL refuses to run as root, so
# as root everything runs as the `postgres` system user that Debian's package creates.
set -euo pipefail

usage() { echo "usage: $0 start|stop DIR" >&2; exit 2; }
(($# == 2)) || usage
cmd=$1
dir=$2

as_pg() {
  if ((EUID == 0)); then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_bin() {
  local initdb
  # The newest version that has the server: a client-only version can sit beside it.
  initdb=$(compgen -G '/usr/lib/postgresql/*/bin/initdb' | sort -V | tail -n 1 || true)
  local bin=${initdb%/initdb}
  [[ -n $initdb && -x $bin/pg_ctl && -x $bin/createdb ]] || {
    echo "error: no PostgreSQL server binaries under /usr/lib/postgresql/*/bin (run scripts/system/install-deps.sh)" >&2
    exit 1
  }
  echo "$bin"
}

free_port() {
  node -e "const s = require('node:net').createServer(); s.listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); });"
}

start() {
  local bin port url attempt
  bin=$(pg_bin)
  mkdir -p "$dir"
  [[ -z $(ls -A "$dir") ]] || { echo "error: $dir is not empty" >&2; exit 1; }
  if ((EUID == 0)); then
    id postgres >/dev/null 2>&1 || { echo "error: running as root but there is no 'postgres' user" >&2; exit 1; }
    chown postgres: "$dir"
  fi
  chmod 700 "$dir"

  as_pg "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-locale --no-sync >"$dir/initdb.log" 2>&1 || {
    cat "$dir/initdb.log" >&2
    echo "error: initdb failed" >&2
    exit 1
  }

  # Another process can take the free port between the probe and the bind: try a few.
  for attempt in 1 2 3; do
    port=$(free_port)
    if as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >/dev/null; then
      as_pg "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres kiosk_test
      url="postgres://postgres@127.0.0.1:$port/kiosk_test"
      echo "$url"
      return 0
    fi
    echo "warning: PostgreSQL did not start on port $port (attempt $attempt):" >&2
    tail -n 5 "$dir/server.log" >&2 || true
  done
  echo "error: could not start PostgreSQL; server log: $dir/server.log" >&2
  exit 1
}

stop() {
  [[ -d $dir ]] || return 0
  if [[ -f $dir/data/postmaster.pid ]]; then
    as_pg "$(pg_bin)/pg_ctl" -D "$dir/data" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}

case $cmd in
  start) start ;;
  stop) stop ;;
  *) usage ;;
esac
