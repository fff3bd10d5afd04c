# Functions deploy/test.sh and the script suites (compose-, openapi-, scale-, test-check) use, kept apart so
# deploy/test-check.sh can test them on their own.
# Each count_* prints "<passed> <failed>" for one suite's log; a suite whose summary is missing, or that
# skipped or cancelled tests, or that exited non-zero without a counted failure, adds to failed.

# The command each prerequisite provides, and the Debian package that installs it.
SB_PREREQS=(
  "redis-server:redis-server"
  "ffprobe:ffmpeg"
  "chromium:chromium"
  "node:nodejs"
  "npm:npm"
  "docker-compose:docker-compose"
  "curl:curl"
)

# has_cjk_font: the big screen's Chinese is set in Noto Sans CJK (fonts-noto-cjk); a font has no command, so ask fontconfig.
has_cjk_font() {
  fc-list ':lang=zh' family 2>/dev/null | grep -q 'Noto Sans CJK'
}

# has_pdf_font: PDFs (签到表, transfer letters) are set in WenQuanYi Micro Hei (fonts-wqy-microhei): TrueType outlines,
# which PDFsharp embeds as a subset (Infrastructure/Pdf/README.md).
has_pdf_font() {
  fc-list ':lang=zh' family 2>/dev/null | grep -q 'WenQuanYi Micro Hei'
}

# missing_packages: prints the Debian packages whose command is not on PATH, and fonts-noto-cjk / fonts-wqy-microhei
# when their font is not installed (space-separated, possibly empty).
missing_packages() {
  local entry missing=()
  for entry in "${SB_PREREQS[@]}"; do
    command -v "${entry%%:*}" >/dev/null 2>&1 || missing+=("${entry#*:}")
  done
  has_cjk_font || missing+=("fonts-noto-cjk")
  has_pdf_font || missing+=("fonts-wqy-microhei")
  echo "${missing[*]}"
}

# ensure_prerequisites: installs missing packages with apt-get when running as root with apt-get on PATH;
# otherwise (or if that fails) prints one line naming what to install and returns 1.
ensure_prerequisites() {
  if ! command -v dotnet >/dev/null 2>&1; then
    echo "test: missing the .NET SDK: install it from https://dot.net (see global.json for the version)"
    return 1
  fi

  local missing
  missing=$(missing_packages)
  [ -z "$missing" ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "test: installing $missing with apt-get"
    # shellcheck disable=SC2086 # one word per package
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing; } >/dev/null 2>&1
    missing=$(missing_packages)
    [ -z "$missing" ] && return 0
  fi

  echo "test: missing $missing: install with: sudo apt-get update && sudo apt-get install -y $missing"
  return 1
}

# count_dotnet <log> <exit status>: "Passed!/Failed! - Failed: F, Passed: P, Skipped: S"; skipped count as failed.
count_dotnet() {
  local summary p f s
  summary=$(grep -E '(Passed|Failed)!\s+-\s+Failed:' "$1" | tail -1)
  if [ -z "$summary" ]; then echo "0 1"; return; fi
  p=$(sed -E 's/.*Passed:\s+([0-9]+).*/\1/' <<<"$summary")
  f=$(sed -E 's/.*Failed:\s+([0-9]+),.*/\1/' <<<"$summary")
  s=$(sed -nE 's/.*Skipped:\s+([0-9]+).*/\1/p' <<<"$summary")
  f=$((f + ${s:-0}))
  [ "$2" -ne 0 ] && [ "$f" -eq 0 ] && f=1
  echo "$p $f"
}

# count_node <log> <exit status>: node:test TAP closing lines; "# cancelled N", "# skipped N" (and "# skip N",
# "# todo N") count as failed.
count_node() {
  local p f extra=0 key n
  p=$(grep -E '^# pass [0-9]+' "$1" | tail -1 | awk '{print $3}')
  f=$(grep -E '^# fail [0-9]+' "$1" | tail -1 | awk '{print $3}')
  if [ -z "$p" ] || [ -z "$f" ]; then echo "${p:-0} $(( ${f:-0} + 1 ))"; return; fi
  for key in cancelled skipped skip todo; do
    n=$(grep -E "^# $key [0-9]+" "$1" | tail -1 | awk '{print $3}')
    extra=$((extra + ${n:-0}))
  done
  f=$((f + extra))
  [ "$2" -ne 0 ] && [ "$f" -eq 0 ] && f=1
  echo "$p $f"
}

# count_script <name> <log> <exit status>: "<name>: N passed, N failed".
count_script() {
  local line p f
  line=$(grep -E "^$1: [0-9]+ passed, [0-9]+ failed" "$2" | tail -1)
  if [ -z "$line" ]; then echo "0 1"; return; fi
  p=$(awk '{print $2}' <<<"$line")
  f=$(awk '{print $4}' <<<"$line")
  [ "$3" -ne 0 ] && [ "$f" -eq 0 ] && f=1
  echo "$p $f"
}

# node_packages <folder>: installs the folder's npm packages from its package-lock.json unless node_modules exists.
node_packages() {
  [ -d "$1/node_modules" ] || (cd "$1" && npm ci --no-audit --no-fund >/dev/null 2>&1)
}

# check <description> <command…>: runs the command and counts it in the caller's $passed or $failed (both start at
# 0 in the caller), printing "ok" or "FAIL" and the description.
check() {
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); echo "  ok   $name"; else failed=$((failed + 1)); echo "  FAIL $name"; fi
}

# finish <suite>: prints "<suite>: N passed, N failed" (the line count_script reads) and exits, 1 on any failure.
finish() {
  echo "$1: $passed passed, $failed failed"
  [ "$failed" -eq 0 ] && exit 0 || exit 1
}
