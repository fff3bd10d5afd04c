#!/usr/bin/env bash
# Runs every test suite of the repository and ends with one line: "tests: N passed, N failed".
# Needs: the .NET SDK, redis-server on PATH (the tests start their own), Node 20 + npm for the mini-program,
# curl for the two-process check, docker-compose (Debian's package) for the compose suite.
set -uo pipefail
cd "$(dirname "$0")/.."

passed=0
failed=0
status=0
log_dir=$(mktemp -d)

add_counts() { passed=$((passed + ${1:-0})); failed=$((failed + ${2:-0})); }

echo "== .NET: Api.Tests"
dotnet test SmartBranch.Api.sln --nologo 2>&1 | tee "$log_dir/dotnet.log"
[ "${PIPESTATUS[0]}" -eq 0 ] || status=1
summary=$(grep -E '(Passed|Failed)!\s+-\s+Failed:' "$log_dir/dotnet.log" | tail -1)
if [ -n "$summary" ]; then
  p=$(sed -E 's/.*Passed:\s+([0-9]+).*/\1/' <<<"$summary")
  f=$(sed -E 's/.*Failed:\s+([0-9]+),.*/\1/' <<<"$summary")
  add_counts "$p" "$f"
else
  echo "no .NET test summary found"; status=1; failed=$((failed + 1))
fi

# Script suites that end with "<name>: N passed, N failed".
run_script_suite() { # run_script_suite <name> <script>
  echo "== deploy: $1"
  bash "$2" 2>&1 | tee "$log_dir/$1.log"
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
  local line
  line=$(grep -E "^$1: [0-9]+ passed, [0-9]+ failed" "$log_dir/$1.log" | tail -1)
  if [ -z "$line" ]; then echo "no $1 summary found"; status=1; failed=$((failed + 1)); return; fi
  add_counts "$(awk '{print $2}' <<<"$line")" "$(awk '{print $4}' <<<"$line")"
}

if command -v docker-compose >/dev/null 2>&1; then
  run_script_suite compose-check deploy/compose-check.sh
else
  echo "== deploy: compose-check skipped (docker-compose not installed; .ci/run installs it)"
fi
run_script_suite scale-check deploy/scale-check.sh

for suite in miniprogram deploy/screen-tests; do
  if [ -f "$suite/package.json" ]; then
    echo "== Node: $suite"
    (cd "$suite" && { [ -d node_modules ] || npm ci --no-audit --no-fund; } && npm test --silent) 2>&1 | tee "$log_dir/node.log"
    [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
    p=$(grep -E '^# pass [0-9]+' "$log_dir/node.log" | tail -1 | awk '{print $3}')
    f=$(grep -E '^# fail [0-9]+' "$log_dir/node.log" | tail -1 | awk '{print $3}')
    if [ -z "$p" ]; then echo "no node test summary found for $suite"; status=1; failed=$((failed + 1)); fi
    add_counts "${p:-0}" "${f:-0}"
  fi
done

rm -rf "$log_dir"
echo "tests: $passed passed, $failed failed"
exit $status
