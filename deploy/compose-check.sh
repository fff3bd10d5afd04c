#!/usr/bin/env bash
# Validates deploy/compose.yaml without a Docker engine (docker-compose config only parses and
# interpolates). Ends with "compose-check: N passed, N failed"; exit status 1 on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=deploy/test-lib.sh
source deploy/test-lib.sh

passed=0
failed=0

compose=(docker-compose --env-file deploy/.env.example -f deploy/compose.yaml)
# A template id for every reminder kind, from the one list deploy/.env.example holds (Api.Tests
# ReminderKindDeploymentTests keeps it in step with the kinds the areas register).
mapfile -t templates < <(grep -oE '^TEMPLATE_[A-Z_]+' deploy/.env.example | sed 's/$/=example-template/')
secrets=(MSSQL_SA_PASSWORD=example-Passw0rd MINIO_ROOT_PASSWORD=example-minio SQLSERVER_PASSWORD=example-Passw0rd REDIS_PASSWORD=example WECHAT_APP_ID=wx0000000000000000 WECHAT_APP_SECRET=example
  "${templates[@]}"
  WECHATPAY_MCH_ID=1900000109 WECHATPAY_API_V3_KEY=example WECHATPAY_MERCHANT_SERIAL_NO=example WECHATPAY_MERCHANT_PRIVATE_KEY=example
  WECHATPAY_PLATFORM_PUBLIC_KEY=example WECHATPAY_PLATFORM_PUBLIC_KEY_ID=example WECHATPAY_NOTIFY_URL=https://example.edu.cn/api/dues/wechatpay/notify)
rendered=$(env "${secrets[@]}" "${compose[@]}" config 2>&1)
config_rc=$?

check "compose.yaml validates with .env.example and the secrets set" test "$config_rc" -eq 0
check "the stack has sqlserver, redis, migrate, minio, minio-setup, api-1, api-2 and nginx" \
  test "$(env "${secrets[@]}" "${compose[@]}" config --services 2>/dev/null | sort | tr '\n' ' ')" = "api-1 api-2 migrate minio minio-setup nginx redis sqlserver "
check "Redis keeps an append-only file" grep -q -- '--appendonly yes' <<<"$rendered"
check "both API instances wait for the migration and bucket steps" test "$(grep -c 'service_completed_successfully' <<<"$rendered")" -eq 4
check "the API instances keep media in MinIO" test "$(grep -c 'Media__Provider: S3' <<<"$rendered")" -eq 2
check "the API instances run in Production on SQL Server" test "$(grep -cE 'ASPNETCORE_ENVIRONMENT: Production|Database__Provider: SqlServer' <<<"$rendered")" -eq 4
check ".env.example holds no secret values" bash -c '! grep -qE "^(MSSQL_SA_PASSWORD|MINIO_ROOT_PASSWORD|SQLSERVER_PASSWORD|REDIS_PASSWORD|WECHAT_APP_SECRET|WECHATPAY_API_V3_KEY|WECHATPAY_MERCHANT_PRIVATE_KEY)=." deploy/.env.example'
missing=$(env -u MSSQL_SA_PASSWORD MINIO_ROOT_PASSWORD=x SQLSERVER_PASSWORD=x REDIS_PASSWORD=x WECHAT_APP_ID=x WECHAT_APP_SECRET=x "${templates[@]}" "${compose[@]}" config 2>&1 >/dev/null)
check "a missing secret stops the stack and is named" grep -q 'set MSSQL_SA_PASSWORD in deploy/.env' <<<"$missing"
check "the SQL Server test override validates" \
  env "${secrets[@]}" "${compose[@]}" -f deploy/compose.sqlserver-tests.yaml config -q

[ "$config_rc" -eq 0 ] || echo "$rendered"
finish compose-check
