#!/usr/bin/env bash
# `npm run test:pg [-- vitest args]`: the suite with every database test on PostgreSQL. Uses
# YORISOI_TEST_POSTGRES_URL when set, else a throwaway cluster (scripts/with-throwaway-postgres.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ -n "${YORISOI_TEST_POSTGRES_URL:-}" ]]; then
  exec npx vitest run "$@"
fi
exec bash scripts/with-throwaway-postgres.sh npx vitest run "$@"
