#!/usr/bin/env bash
# Writes backend/constraints.txt: the exact versions of every Python package the project installs,
# resolved afresh from backend/requirements-dev.txt (and the package's own ranges in
# backend/pyproject.toml) in a throw-away virtual environment. Run it to move to newer versions,
# then run `npm test` and commit both files.
set -euo pipefail
cd "$(dirname "$0")/.."
python=${LL_BASE_PYTHON:-python3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$python" -m venv "$tmp/venv"
"$tmp/venv/bin/pip" install -q --upgrade pip
(cd backend && "$tmp/venv/bin/pip" install -q -r requirements-dev.txt)
{
  echo "# Exact versions installed by npm start, npm test and CI (pip install -c constraints.txt)."
  echo "# Written by scripts/lock-python.sh on $("$python" --version) — do not edit by hand."
  "$tmp/venv/bin/pip" freeze --exclude django-logout-lens --all | grep -v -E '^(pip|wheel)=='
} > backend/constraints.txt
echo "backend/constraints.txt: $(grep -c '==' backend/constraints.txt) packages"
