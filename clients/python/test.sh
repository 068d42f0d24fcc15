#!/usr/bin/env bash
# Runs the Python client's tests (pytest), as the build's test phase does (clients/python/pom.xml).
# The client is standard library only: it is tested from its source (PYTHONPATH), with the
# python3 on the PATH when it has pytest. Otherwise a virtual environment is made once, cached
# outside the repository ($PADDOCK_CACHE, default ~/.cache/paddock), with pytest from PyPI.
# Arguments go to pytest (e.g. -k decisions).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
python=${PYTHON:-python3}

if ! "$python" -m pytest --version >/dev/null 2>&1; then
  venv="${PADDOCK_CACHE:-$HOME/.cache/paddock}/python-client-venv"
  if ! "$venv/bin/python" -m pytest --version >/dev/null 2>&1; then
    echo "clients/python: no pytest for $python; installing it into $venv" >&2
    "$python" -m venv "$venv"
    "$venv/bin/python" -m pip install -q pytest
  fi
  python="$venv/bin/python"
fi

cd "$here"
export PYTHONPATH="$here${PYTHONPATH:+:$PYTHONPATH}"
export PYTHONDONTWRITEBYTECODE=1
exec "$python" -m pytest -q -p no:cacheprovider "$@" tests
