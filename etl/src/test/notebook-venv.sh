#!/usr/bin/env bash
# The Python that the notebook tests (GeneratedLoadIT, through Notebooks.java) run: a virtual
# environment holding notebooks/requirements.txt. The etl module's build runs this script in
# pre-integration-test (exec-maven-plugin, see etl/pom.xml), so `mvn -B verify` needs no pip step
# of its own.
#
# Usage: notebook-venv.sh VENV REQUIREMENTS
#
# Does nothing when VENV already holds REQUIREMENTS: its marker file is newer than REQUIREMENTS and
# than this script, and its python starts. Otherwise makes VENV with `python3 -m venv` (when it is
# missing or broken) and runs its pip on REQUIREMENTS.
set -euo pipefail

if (( $# != 2 )); then
  echo "usage: $0 VENV REQUIREMENTS" >&2
  exit 2
fi
venv=$(realpath -m "$1")
requirements=$(realpath -m "$2")
marker="$venv/.danvan-requirements-installed"
self="${BASH_SOURCE[0]}"

say() { echo "[notebook-venv] $*"; }
fail() {
  echo "[notebook-venv] ERROR: $*" >&2
  echo "[notebook-venv] (the notebook tests need it; -DskipITs runs the build without the integration tests)" >&2
  exit 1
}

[[ -f "$requirements" ]] || fail "no $requirements"

if [[ -f "$marker" && "$marker" -nt "$requirements" && "$marker" -nt "$self" ]] \
    && "$venv/bin/python" -c '' >/dev/null 2>&1; then
  say "$venv is up to date with $requirements"
  exit 0
fi

command -v python3 >/dev/null 2>&1 || fail "python3 is not installed. On Debian/Ubuntu:" \
  "apt-get install python3 python3-venv python3-pip"
# Debian's python3 makes no virtual environments without python3-venv (it holds ensurepip)
python3 -c 'import venv, ensurepip' >/dev/null 2>&1 || fail "$(command -v python3) cannot make" \
  "virtual environments (no venv/ensurepip module). On Debian/Ubuntu: apt-get install python3-venv"

rm -f "$marker"
if ! "$venv/bin/python" -m pip --version >/dev/null 2>&1; then
  say "creating $venv (python3 -m venv) ..."
  rm -rf "$venv"
  if ! python3 -m venv "$venv"; then
    rm -rf "$venv"
    fail "\`python3 -m venv $venv\` failed (see above). On Debian/Ubuntu: apt-get install python3-venv"
  fi
fi

say "installing $requirements into $venv (pip; a few minutes the first time) ..."
"$venv/bin/python" -m pip install --disable-pip-version-check --retries 0 -q -r "$requirements" \
  || fail "\`$venv/bin/python -m pip install -r $requirements\` failed (see above): pip needs its" \
    "package index (https://pypi.org, or the one pip is configured with)"
touch "$marker"
say "$venv is ready"
