#!/usr/bin/env bash
# Keeps the EF Core migrations and compiled models of BOTH providers in step with the model.
# Usage:
#   deploy/migrations.sh <MigrationName>     adds a migration for each provider, then regenerates the compiled models
#   deploy/migrations.sh --compiled-models   only regenerates the compiled models (a model change with no schema change,
#                                            e.g. a converter, a navigation's access mode; or after a merge)
# The compiled models (Infrastructure/Persistence/CompiledModels/<Provider>) are what the app runs on: EF Core finds
# them through their assembly attribute, so no code names them. Migrations and `dotnet ef` build the model from the
# entity configurations instead. Everything is built once WITHOUT the old compiled models (Infrastructure.csproj,
# WithoutCompiledModels), so a compiled model that no longer compiles (an entity type removed or renamed) is no obstacle,
# and each folder is generated afresh. Api.Tests/Platform/CompiledModelTests fails while a compiled model is behind.
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: deploy/migrations.sh <MigrationName> | --compiled-models}
dotnet tool restore >/dev/null
dotnet build Api -p:WithoutCompiledModels=true -v q -nologo
ef=(--project Infrastructure --startup-project Api --no-build)
if [ "$name" != "--compiled-models" ]; then
  dotnet ef migrations add "$name" "${ef[@]}" --context SqliteAppDbContext --output-dir Persistence/Migrations/Sqlite
  dotnet ef migrations add "$name" "${ef[@]}" --context SqlServerAppDbContext --output-dir Persistence/Migrations/SqlServer
fi
for provider in Sqlite SqlServer; do
  rm -rf "Infrastructure/Persistence/CompiledModels/$provider"
  dotnet ef dbcontext optimize "${ef[@]}" --context "${provider}AppDbContext" \
    --output-dir "Persistence/CompiledModels/$provider" \
    --namespace "SmartBranch.Infrastructure.Persistence.CompiledModels.$provider"
done
