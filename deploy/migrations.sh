#!/usr/bin/env bash
# Regenerates or adds an EF Core migration for BOTH providers, so the two sets never drift.
# Usage: deploy/migrations.sh <MigrationName>
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: deploy/migrations.sh <MigrationName>}
dotnet tool restore >/dev/null
dotnet ef migrations add "$name" --project Infrastructure --startup-project Api \
  --context SqliteAppDbContext --output-dir Persistence/Migrations/Sqlite
dotnet ef migrations add "$name" --project Infrastructure --startup-project Api \
  --context SqlServerAppDbContext --output-dir Persistence/Migrations/SqlServer
