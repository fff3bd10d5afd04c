#!/usr/bin/env bash
# Runs every test suite of the repository and ends with one line: "tests: N passed, N failed".
# Needs: the .NET SDK, redis-server (the tests start their own), ffmpeg/ffprobe (study media), Node 20 + npm
# (also for the S3 test server, deploy/s3-test-server, installed below), chromium and fonts-noto-cjk (browser tests),
# fonts-wqy-microhei (PDFs), docker-compose (Debian's package, for the compose suite) and curl. What is missing is named in one line
# before anything runs; as root with apt-get it is installed first. A suite that skips or cancels tests,
# or never prints its summary, counts as failed.
set -uo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=deploy/test-lib.sh
source deploy/test-lib.sh

ensure_prerequisites || exit 2

passed=0
failed=0
status=0
log_dir=$(mktemp -d)
trap 'rm -rf "$log_dir"' EXIT

add_counts() { # add_counts "<passed> <failed>"
  local p f
  read -r p f <<<"$1"
  passed=$((passed + p)); failed=$((failed + f))
  [ "$f" -eq 0 ] || status=1
}

# The S3 media storage is tested against s3rver (MinIO cannot be installed here); the tests start it.
(cd deploy/s3-test-server && { [ -d node_modules ] || npm ci --no-audit --no-fund; }) || { echo "test: npm ci failed in deploy/s3-test-server"; exit 2; }

echo "== .NET: Api.Tests"
dotnet test SmartBranch.Api.sln --nologo 2>&1 | tee "$log_dir/dotnet.log"
rc=${PIPESTATUS[0]}
grep -qE '(Passed|Failed)!\s+-\s+Failed:' "$log_dir/dotnet.log" || echo "no .NET test summary found"
add_counts "$(count_dotnet "$log_dir/dotnet.log" "$rc")"

# Script suites that end with "<name>: N passed, N failed".
run_script_suite() { # run_script_suite <name> <script>
  echo "== deploy: $1"
  bash "$2" 2>&1 | tee "$log_dir/$1.log"
  local rc=${PIPESTATUS[0]}
  grep -qE "^$1: [0-9]+ passed, [0-9]+ failed" "$log_dir/$1.log" || echo "no $1 summary found"
  add_counts "$(count_script "$1" "$log_dir/$1.log" "$rc")"
}

run_script_suite test-check deploy/test-check.sh
run_script_suite compose-check deploy/compose-check.sh
run_script_suite scale-check deploy/scale-check.sh
run_script_suite openapi-check deploy/openapi-check.sh

for suite in miniprogram deploy/screen-tests deploy/console-tests deploy/portal-tests; do
  echo "== Node: $suite"
  (cd "$suite" && { [ -d node_modules ] || npm ci --no-audit --no-fund; } && npm test --silent) 2>&1 | tee "$log_dir/node.log"
  rc=${PIPESTATUS[0]}
  grep -qE '^# pass [0-9]+' "$log_dir/node.log" || echo "no node test summary found for $suite"
  add_counts "$(count_node "$log_dir/node.log" "$rc")"
done

echo "tests: $passed passed, $failed failed"
exit $status
