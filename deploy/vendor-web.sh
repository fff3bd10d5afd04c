#!/usr/bin/env bash
# Refreshes the browser libraries the console, portal and big screen serve from Api/wwwroot/lib (never from a CDN:
# many university networks block them). Each library is taken from its npm package at the pinned version below and
# committed, so running and testing the app needs no npm. Run this only to change a version.
set -euo pipefail
cd "$(dirname "$0")/.."
declare -A files=(
  # package@version            files inside the package (space-separated) -> Api/wwwroot/lib/<name>/
  ["echarts@6.1.0"]="dist/echarts.min.js"
  ["quill@2.0.3"]="dist/quill.js dist/quill.snow.css"
)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
for spec in "${!files[@]}"; do
  name=${spec%@*}
  (cd "$work" && npm pack "$spec" --silent >/dev/null && mkdir -p "$name" && tar xzf "${name}-"*.tgz -C "$name")
  mkdir -p "Api/wwwroot/lib/$name"
  for file in ${files[$spec]}; do cp "$work/$name/package/$file" "Api/wwwroot/lib/$name/"; done
  cp "$work/$name/package/LICENSE" "Api/wwwroot/lib/$name/LICENSE"
  echo "$spec" > "Api/wwwroot/lib/$name/VERSION"
  echo "vendored $spec"
done
