#!/usr/bin/env bash
# Runs the functional test suite against the compose stack's real SQL Server instead of SQLite.
# Each test fixture creates its own database (smartbranch_test_<guid>), migrates it and drops it.
# Needs: Docker with compose, deploy/.env (MSSQL_SA_PASSWORD), the .NET SDK, redis-server on PATH.
# Usage: deploy/test-sqlserver.sh [extra dotnet test arguments, e.g. --filter FullyQualifiedName~Auth]
set -euo pipefail
cd "$(dirname "$0")/.."

compose=(docker-compose -f deploy/compose.yaml -f deploy/compose.sqlserver-tests.yaml)
command -v docker-compose >/dev/null 2>&1 || compose=(docker compose -f deploy/compose.yaml -f deploy/compose.sqlserver-tests.yaml)

set -a
# shellcheck disable=SC1091
. deploy/.env
set +a
port=${SQLSERVER_TEST_PORT:-14333}

"${compose[@]}" up -d sqlserver
echo "waiting for SQL Server to report healthy…"
for _ in $(seq 1 60); do
  state=$(docker inspect -f '{{.State.Health.Status}}' "$("${compose[@]}" ps -q sqlserver)" 2>/dev/null || true)
  [ "$state" = healthy ] && break
  sleep 2
done
[ "$state" = healthy ] || { echo "SQL Server did not become healthy"; exit 1; }

export SMARTBRANCH_TEST_SQLSERVER="Server=127.0.0.1,${port};User Id=sa;Password=${MSSQL_SA_PASSWORD};TrustServerCertificate=True;Encrypt=True"
dotnet test Api.Tests --nologo "$@"
