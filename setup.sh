#!/usr/bin/env bash
# Installs what is missing (Debian 12, as root), configures and builds showwork in build/, and
# runs the main worked example (the notes' system 2x + 3y = 6, 4x + 5y = 10).   Usage: bash setup.sh [--no-example]
set -euo pipefail
cd "$(dirname "$0")"

packages=(g++ meson ninja-build pkg-config libboost-dev libgmp-dev libfmt-dev doctest-dev
          libcli11-dev nlohmann-json3-dev texlive-latex-base texlive-latex-recommended python3-jsonschema)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
    echo "Installing: ${missing[*]}"
    if [ "$(id -u)" -ne 0 ]; then sudo=sudo; else sudo=; fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

[ -d build ] || meson setup build
ninja -C build

if [ "${1:-}" != "--no-example" ]; then
    echo
    build/examples/notes_system
fi
