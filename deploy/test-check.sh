#!/usr/bin/env bash
# Tests the logic of deploy/test.sh itself: prerequisites detected before anything runs, installation tried
# as root with apt-get, and the summary counting (skipped, cancelled and missing count as failed).
# Ends with "test-check: N passed, N failed"; exit status 1 on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=deploy/test-lib.sh
source deploy/test-lib.sh

passed=0
failed=0

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# fake_path <dir> <command…>: a PATH directory holding every command of the real PATH except the named ones.
fake_path() {
  local dir=$1 entry file name; shift
  mkdir -p "$dir"
  IFS=: read -ra entries <<<"$PATH"
  for entry in "${entries[@]}"; do
    [ -d "$entry" ] || continue
    for file in "$entry"/*; do
      name=${file##*/}
      [ -x "$file" ] && [ ! -e "$dir/$name" ] || continue
      case " $* " in *" $name "*) continue ;; esac
      ln -s "$file" "$dir/$name"
    done
  done
}

# 1. Without redis-server and without apt-get: one line naming it, non-zero, nothing run, within 30 s.
fake_path "$work/no-redis" redis-server apt-get
PATH="$work/no-redis" timeout 30 bash deploy/test.sh >"$work/no-redis.log" 2>&1
rc=$?
check "without redis-server test.sh exits non-zero (not killed by the 30 s timeout)" test "$rc" -ne 0 -a "$rc" -ne 124
check "… names redis-server and how to install it, in one line" \
  test "$(grep -c 'missing redis-server.*apt-get install -y redis-server' "$work/no-redis.log")" -eq 1
check "… prints nothing else and runs no suite" test "$(wc -l <"$work/no-redis.log")" -eq 1

# 2. Several missing: all in the same single line.
fake_path "$work/no-browser" redis-server chromium apt-get
PATH="$work/no-browser" timeout 30 bash deploy/test.sh >"$work/no-browser.log" 2>&1
check "several missing prerequisites are named in one line" grep -q 'missing redis-server chromium' "$work/no-browser.log"

# 3. As root with apt-get: installation is tried for exactly what is missing; if it does not help, the line follows.
fake_path "$work/root" redis-server apt-get id
printf '#!/bin/sh\necho 0\n' >"$work/root/id"
printf '#!/bin/sh\necho "$*" >>"%s"\n' "$work/apt.log" >"$work/root/apt-get"
chmod +x "$work/root/id" "$work/root/apt-get"
PATH="$work/root" timeout 30 bash deploy/test.sh >"$work/root.log" 2>&1
rc=$?
check "as root test.sh runs apt-get install for the missing package" grep -qx 'install -y -qq redis-server' "$work/apt.log"
check "… and still stops, naming it, when the install did not provide it" \
  bash -c "test $rc -ne 0 && grep -q 'missing redis-server' '$work/root.log'"

# 4. Without the .NET SDK.
fake_path "$work/no-dotnet" dotnet
PATH="$work/no-dotnet" timeout 30 bash deploy/test.sh >"$work/no-dotnet.log" 2>&1
check "without dotnet test.sh names the .NET SDK" grep -q 'missing the .NET SDK' "$work/no-dotnet.log"

# 5. Counting.
log() { printf '%s\n' "$@" >"$work/suite.log"; echo "$work/suite.log"; }
check "node: a clean run counts its passes" test "$(count_node "$(log '# pass 5' '# fail 0' '# cancelled 0' '# skipped 0')" 0)" = "5 0"
check "node: cancelled tests count as failed" test "$(count_node "$(log '# tests 6' '# pass 0' '# fail 0' '# cancelled 6')" 1)" = "0 6"
check "node: skipped tests count as failed" test "$(count_node "$(log '# pass 3' '# fail 0' '# skipped 2')" 0)" = "3 2"
check "node: a missing summary counts as one failure" test "$(count_node "$(log 'Error: Cannot find module')" 1)" = "0 1"
check "node: a non-zero exit without a counted failure counts as one" test "$(count_node "$(log '# pass 4' '# fail 0')" 1)" = "4 1"
check "dotnet: skipped tests count as failed" \
  test "$(count_dotnet "$(log 'Passed!  - Failed:     0, Passed:    10, Skipped:     1, Total:    11, Duration: 3 s')" 0)" = "10 1"
check "dotnet: failures are counted" \
  test "$(count_dotnet "$(log 'Failed!  - Failed:     2, Passed:    8, Skipped:     0, Total:    10, Duration: 3 s')" 1)" = "8 2"
check "dotnet: a missing summary counts as one failure" test "$(count_dotnet "$(log 'Unhandled exception.')" 1)" = "0 1"
check "script: its own line is read" test "$(count_script demo "$(log 'demo: 7 passed, 1 failed')" 1)" = "7 1"
check "script: a missing line counts as one failure" test "$(count_script demo "$(log 'nothing')" 0)" = "0 1"

finish test-check
