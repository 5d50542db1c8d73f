#!/usr/bin/env bash
# Restores a dump made by scripts/db-backup.sh into an EMPTY database, then rebuilds the search
# index from PostgreSQL. Stop the services first; start them again afterwards.
#   DATABASE_URL set: pg_restore on PATH, then the reindex command of a development checkout (built first
#   unless SKIP_BUILD=1, which reuses dist/ as it is).
#   DATABASE_URL unset: pg_restore inside compose's postgres service, then the reindex command in the image.
set -euo pipefail
in=${1:?usage: scripts/db-restore.sh FILE}
if [ -n "${DATABASE_URL:-}" ]; then
  pg_restore --exit-on-error --single-transaction --no-owner --no-privileges --dbname "$DATABASE_URL" "$in"
  [ "${SKIP_BUILD:-}" = 1 ] || npm run build:server --silent
  node dist/apps/marketplace/src/cli.js reindex
else
  docker compose exec -T postgres sh -c \
    'pg_restore --exit-on-error --single-transaction --no-owner --no-privileges -U "$POSTGRES_USER" -d "$POSTGRES_DB"' < "$in"
  docker compose run --rm migrate node dist/apps/marketplace/src/cli.js reindex
fi
echo "restored $in; search index rebuilt"
