#!/bin/sh
# Installs the system libraries Qt needs when they are missing and apt-get is at hand.
# Qt's wheels bring Qt itself but link to the system's GL, fonts and keyboard libraries.
set -eu
python=${1:-.venv/bin/python}
qtdir=$("$python" -c 'import os, PySide6; print(os.path.dirname(PySide6.__file__))')
missing=$(find "$qtdir" \( -name 'libqoffscreen.so' -o -name 'libqxcb.so' -o -name 'libQt6Gui.so*' \
    -o -name 'libQt6Widgets.so*' -o -name 'libQt6Pdf.so*' \) -exec ldd {} \; 2>/dev/null \
    | grep 'not found' | sort -u || true)
[ -z "$missing" ] && exit 0
echo "Qt needs system libraries that are missing:"
echo "$missing"
if ! command -v apt-get >/dev/null 2>&1; then
    echo "Install them with your system's package manager, then run make again." >&2
    exit 1
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -q
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends --no-upgrade \
    libegl1 libgl1 libopengl0 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libfreetype6 \
    libdbus-1-3 libglib2.0-0 libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 \
    libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 \
    libxcb-xkb1 libxrender1 libxi6 libnss3 libasound2
