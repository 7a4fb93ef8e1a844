#!/usr/bin/env bash
# Builds the standalone bundle from a clean clone of this repository's HEAD (`make dist`)
# and runs tests/bundle against its program. CI runs it after `make test`.
set -euo pipefail
cd "$(dirname "$0")/.."
here=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git clone --quiet "$here" "$work/presskit"
make -C "$work/presskit" dist
du -sh "$work/presskit/dist/presskit"
PRESSKIT_BUNDLE="$work/presskit/dist/presskit/presskit" QT_QPA_PLATFORM=offscreen \
    "$here/.venv/bin/python" -m pytest -q tests/bundle
