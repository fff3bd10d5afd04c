#!/usr/bin/env bash
# Backs up the compose stack's state into ./backups/<UTC timestamp>/ on this host:
#   smartbranch.bak     full SQL Server backup (WITH CHECKSUM; compressed unless MSSQL_PID=Express)
#   redis/              Redis append-only files (queued work, sessions, the Data Protection key ring)
# Copy the folder off the host afterwards. Restore: see README.md, "Backups".
# Usage: deploy/backup.sh [target folder]
set -euo pipefail
cd "$(dirname "$0")/.."

compose=(docker-compose -f deploy/compose.yaml)
command -v docker-compose >/dev/null 2>&1 || compose=(docker compose -f deploy/compose.yaml)
set -a
# shellcheck disable=SC1091
. deploy/.env
set +a

stamp=$(date -u +%Y%m%dT%H%M%SZ)
target=${1:-backups/$stamp}
mkdir -p "$target/redis"
database=${SQLSERVER_DATABASE:-SmartBranch}
compression=", COMPRESSION"
[ "${MSSQL_PID:-Developer}" = Express ] && compression=""

echo "backing up database $database"
"${compose[@]}" exec -T sqlserver /opt/mssql-tools18/bin/sqlcmd -C -S localhost -U sa -P "$MSSQL_SA_PASSWORD" -b \
  -Q "BACKUP DATABASE [$database] TO DISK = N'/var/opt/mssql/backup/smartbranch-$stamp.bak' WITH CHECKSUM, INIT$compression"
docker cp "$("${compose[@]}" ps -q sqlserver):/var/opt/mssql/backup/smartbranch-$stamp.bak" "$target/smartbranch.bak"
"${compose[@]}" exec -T sqlserver rm -f "/var/opt/mssql/backup/smartbranch-$stamp.bak"

echo "backing up Redis append-only files"
"${compose[@]}" exec -T redis sh -c 'redis-cli --no-auth-warning -a "$REDIS_PASSWORD" BGREWRITEAOF >/dev/null'
# Wait for the rewrite so the copied files are one consistent set.
for _ in $(seq 1 60); do
  "${compose[@]}" exec -T redis sh -c 'redis-cli --no-auth-warning -a "$REDIS_PASSWORD" INFO persistence' | grep -q 'aof_rewrite_in_progress:0' && break
  sleep 1
done
docker cp "$("${compose[@]}" ps -q redis):/data/appendonlydir/." "$target/redis/"

echo "backup written to $target"
