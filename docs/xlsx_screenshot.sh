#!/usr/bin/env bash
# Render the xlsx task sheet headless, for the README: docs/xlsx-tasks.png.
# Not part of CI.  Needs LibreOffice (Calc) and pdftoppm:
#   apt-get install libreoffice-calc-nogui poppler-utils
# Usage: bash docs/xlsx_screenshot.sh [JSON OUTPUTS...]   (default: two corpus plans)
set -euo pipefail
cd "$(dirname "$0")/.."
vanban=${VANBAN:-.venv/bin/vanban}
inputs=("$@")
if [ ${#inputs[@]} -eq 0 ]; then
  inputs=(outputs/036_hcm-qd-2820-qd-ubnd-2025-ke-hoach-csdl-quy-hoach.json)
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$vanban" export "${inputs[@]}" -f xlsx -o "$tmp/tasks.xlsx" --as-of 2026-12-03
# LibreOffice prints every sheet; the task sheet comes first, landscape, fitted to the width
soffice --headless --norestore "-env:UserInstallation=file://$tmp/profile" \
  --convert-to pdf --outdir "$tmp" "$tmp/tasks.xlsx" >/dev/null
# page 1 at 200 dpi, cropped to the header and the first rows, from the document
# number to the status column
pdftoppm -png -r 200 -f 1 -l 1 -x 136 -y 175 -W 1680 -H 620 -singlefile "$tmp/tasks.pdf" docs/xlsx-tasks
echo "wrote docs/xlsx-tasks.png" >&2
