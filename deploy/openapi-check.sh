#!/usr/bin/env bash
# Lints the API's OpenAPI document with Redocly CLI (deploy/openapi, version pinned in its package-lock.json) under its
# built-in recommended rules: 0 errors and 0 warnings. The document checked is Api/openapi.json, which the .NET test
# OpenApiSnapshotTests keeps equal to what the app serves at /swagger/v1/swagger.json. Also checks that the lint
# does fail on a broken copy, so a pass means something.
# Needs: Node 20+ and npm (the packages are installed with npm ci). Ends with "openapi-check: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=deploy/test-lib.sh
source deploy/test-lib.sh

document=Api/openapi.json
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0

if ! node_packages deploy/openapi; then
  echo "  FAIL npm ci in deploy/openapi"
  failed=$((failed + 1))
  finish openapi-check
fi

# lint <file> <json report>: Redocly's recommended rules (no redocly.yaml), as JSON.
lint() {
  local file
  file=$(realpath "$1")
  (cd deploy/openapi && npx --no-install redocly lint "$file" --format=json --extends=recommended) >"$2" 2>"$work/lint.err"
}

# totals <json report>: "<errors> <warnings>".
totals() {
  node -e 'const t = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).totals; console.log(t.errors + " " + t.warnings)' "$1" 2>/dev/null
}

lint_is_clean() {
  lint "$document" "$work/report.json"
  local result
  result=$(totals "$work/report.json")
  if [ "$result" != "0 0" ]; then
    echo "       errors and warnings: ${result:-no report}"
    node -e 'for (const p of JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).problems) console.log("       " + p.severity + " " + p.ruleId + ": " + p.message + " at " + (p.location[0] || {}).pointer)' "$work/report.json" 2>/dev/null | head -40
    return 1
  fi
}

# A copy without the servers and with one operation's 4xx answers removed must be reported.
lint_fails_on_a_broken_copy() {
  node -e '
    const fs = require("fs");
    const doc = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
    delete doc.servers;
    const op = doc.paths["/api/notices"].get;
    for (const code of Object.keys(op.responses)) if (code.startsWith("4")) delete op.responses[code];
    fs.writeFileSync(process.argv[2], JSON.stringify(doc));' "$document" "$work/broken.json" || return 1
  lint "$work/broken.json" "$work/broken-report.json"
  node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const rules = new Set(r.problems.map((p) => p.ruleId));
    process.exit(rules.has("no-empty-servers") && rules.has("operation-4xx-response") ? 0 : 1);' "$work/broken-report.json"
}

# Every operation says who may call it: a bearer token, or anonymous (security: []).
every_operation_declares_security() {
  node -e '
    const doc = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const missing = [];
    for (const [path, item] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(item))
        if (!Array.isArray(op.security)) missing.push(method.toUpperCase() + " " + path);
    if (missing.length) { console.log("       without security: " + missing.join(", ")); process.exit(1); }' "$document"
}

check "Redocly recommended rules: 0 errors, 0 warnings on $document" lint_is_clean
check "the lint reports a copy without servers and 4xx answers" lint_fails_on_a_broken_copy
check "every operation declares its security (anonymous ones as [])" every_operation_declares_security
finish openapi-check
