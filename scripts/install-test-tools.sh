#!/bin/sh
# Installs the command-line tools some tests use when they are missing and apt-get is at hand:
# desktop-file-validate (desktop-file-utils) checks the menu entry `install-desktop` writes.
# Never fails: without the tool, that test is skipped with its reason.
command -v desktop-file-validate >/dev/null 2>&1 && exit 0
command -v apt-get >/dev/null 2>&1 || exit 0
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo -n"
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends \
    desktop-file-utils >/dev/null 2>&1 \
    || echo "desktop-file-utils could not be installed; its test will be skipped." >&2
exit 0
