#!/usr/bin/env bash
# Writes a pg_dump (custom format) of the Jiebang database to FILE.
#   DATABASE_URL set: the pg_dump on PATH dumps that server (its major version must be >= the server's).
#   DATABASE_URL unset: the dump runs inside docker compose's postgres service (same version as the server).
# Meilisearch is not backed up: the index is rebuilt from PostgreSQL after a restore.
set -euo pipefail
out=${1:?usage: scripts/db-backup.sh FILE}
if [ -n "${DATABASE_URL:-}" ]; then
  pg_dump --format=custom --no-owner --no-privileges --file "$out" "$DATABASE_URL"
else
  docker compose exec -T postgres sh -c \
    'pg_dump --format=custom --no-owner --no-privileges -U "$POSTGRES_USER" "$POSTGRES_DB"' > "$out"
fi
echo "backup written to $out ($(wc -c < "$out") bytes)"
