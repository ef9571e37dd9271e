#!/usr/bin/env bash
# Runs a command with a PostgreSQL of its own: a throwaway cluster in a temp folder, on a free
# loopback port, trust auth, stopped and deleted when the command ends (whatever its outcome).
# The command sees YORISOI_TEST_POSTGRES_URL pointing at it. Used by .ci/run and `npm run test:pg`,
# so the PostgreSQL tier needs no server set up beforehand, only Debian's `postgresql` package,
# which it installs when initdb is missing (needs root and the Debian mirror).
#
#   scripts/with-throwaway-postgres.sh npm test
set -euo pipefail

if [[ $# -eq 0 ]]; then
  echo "usage: $0 <command> [args...]" >&2
  exit 2
fi

find_bin() {
  local name=$1
  if command -v "$name" >/dev/null 2>&1; then command -v "$name"; return; fi
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin/"$name" 2>/dev/null | sort -V | tail -n 1 || true)
  [[ -n "$found" ]] && echo "$found"
}

if [[ -z "$(find_bin initdb)" ]]; then
  echo "== installing PostgreSQL (Debian package postgresql)" >&2
  if [[ $(id -u) -ne 0 ]]; then
    echo "initdb is missing and this is not root: install Debian's postgresql package first" >&2
    exit 1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
INITDB=$(find_bin initdb)
PG_CTL=$(find_bin pg_ctl)

# initdb and postgres refuse to run as root: run them as the postgres user when we are root.
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

DIR=$(mktemp -d "${TMPDIR:-/tmp}/yorisoi-pg-XXXXXX")
[[ $(id -u) -eq 0 ]] && chown postgres "$DIR"
PORT=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")

cleanup() {
  as_owner "$PG_CTL" -D "$DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$DIR"
}
trap cleanup EXIT

as_owner "$INITDB" -D "$DIR/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 || {
  cat "$DIR/initdb.log" >&2
  exit 1
}
# Loopback only, socket in the temp folder, fsync off: a test cluster holds nothing worth keeping.
as_owner "$PG_CTL" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
  -o "-p $PORT -c listen_addresses=127.0.0.1 -k $DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null || {
  cat "$DIR/server.log" >&2
  exit 1
}
echo "== throwaway PostgreSQL $("$PG_CTL" --version | awk '{print $3}') on 127.0.0.1:$PORT ($DIR)" >&2

export YORISOI_TEST_POSTGRES_URL="postgresql://postgres@127.0.0.1:$PORT/postgres"
"$@"
