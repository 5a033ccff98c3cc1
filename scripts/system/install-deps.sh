#!/usr/bin/env bash
# Installs the Debian packages the test run needs and a fresh machine lacks:
# chromium (Playwright drives /usr/bin/chromium, never a downloaded browser), ffmpeg (the e2e
# fake-camera videos are made at test time) and postgresql (the back office's tests run once
# against a real server). apt-get runs only when something is missing.
set -euo pipefail

missing=()
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
command -v ffmpeg >/dev/null 2>&1 || missing+=(ffmpeg)
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)

if ((${#missing[@]} == 0)); then
  echo "system packages: chromium, ffmpeg, postgresql present"
  exit 0
fi

echo "system packages: installing ${missing[*]}"
sudo=()
if ((EUID != 0)); then
  command -v sudo >/dev/null 2>&1 || { echo "error: need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
  sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "${missing[@]}"

# Fail here, not three steps later, if the packages did not give what the run relies on.
[[ -x /usr/bin/chromium ]] || { echo "error: /usr/bin/chromium missing after install" >&2; exit 1; }
command -v ffmpeg >/dev/null 2>&1 || { echo "error: ffmpeg missing after install" >&2; exit 1; }
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || { echo "error: PostgreSQL server binaries missing after install" >&2; exit 1; }
