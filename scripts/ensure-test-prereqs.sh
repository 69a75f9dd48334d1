#!/usr/bin/env bash
# The test suite needs three system programs: Chromium (the e2e browser), the PostgreSQL server
# binaries (the integration tests run on a real PostgreSQL as well as on PGlite) and redis-server
# (the scale-out tests fan sockets out between two server processes through Redis). Installs what is
# missing with apt-get when it can; otherwise says what to install and stops.
set -euo pipefail

missing=()
chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$chromium_path" ] || missing+=(chromium)
if [ -z "${TEST_DATABASE_URL:-}" ] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ! command -v initdb >/dev/null 2>&1; then
  missing+=(postgresql)
fi
if [ -z "${TEST_REDIS_URL:-}" ] && ! command -v redis-server >/dev/null 2>&1; then
  missing+=(redis-server)
fi
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo"; fi
fi
if command -v apt-get >/dev/null 2>&1 && { [ "$(id -u)" -eq 0 ] || [ -n "$sudo" ]; }; then
  echo "Installing test prerequisites: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  exit 0
fi
echo "The tests need: ${missing[*]}. Install them (Debian/Ubuntu: apt-get install ${missing[*]})," >&2
echo "or point CHROMIUM_PATH at a Chromium, TEST_DATABASE_URL at a PostgreSQL database and TEST_REDIS_URL at a Redis." >&2
exit 1
