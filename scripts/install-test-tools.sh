#!/bin/sh
# Installs the command-line tools some tests use when they are missing and apt-get is at hand:
# - desktop-file-validate (desktop-file-utils) checks the menu entry `install-desktop` writes;
# - chromium and chromedriver (chromium-driver) run the web press kit in a real browser;
# - exiftool (libimage-exiftool-perl) reads back the credits written into the stills.
# Never fails: without a tool, the tests that need it are skipped with their reason.
missing=""
command -v desktop-file-validate >/dev/null 2>&1 || missing="$missing desktop-file-utils"
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
command -v chromedriver >/dev/null 2>&1 || missing="$missing chromium-driver"
command -v exiftool >/dev/null 2>&1 || missing="$missing libimage-exiftool-perl"
[ -n "$missing" ] || exit 0
command -v apt-get >/dev/null 2>&1 || exit 0
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo -n"
# shellcheck disable=SC2086 # one word per package
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends \
    $missing >/dev/null 2>&1 \
    || { $sudo apt-get update -q >/dev/null 2>&1 \
        && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends \
            $missing >/dev/null 2>&1; } \
    || echo "Could not install$missing; the tests that need them will be skipped." >&2
exit 0
