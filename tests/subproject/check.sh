#!/usr/bin/env bash
# The library as a Meson subproject: a consumer project (this directory's meson.build and
# main.cpp) with subprojects/showwork a link to the source tree configures, and main.cpp, which
# includes <showwork/showwork.hpp>, compiles against it. Linking would build the whole library a
# second time (minutes), so the test stops at the object file.
#     tests/subproject/check.sh SOURCE_ROOT
set -euo pipefail
source_root=$(cd "$1" && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cp "$source_root/tests/subproject/meson.build" "$source_root/tests/subproject/main.cpp" "$scratch/"
mkdir "$scratch/subprojects"
ln -s "$source_root" "$scratch/subprojects/showwork"
cd "$scratch"
if ! meson setup build > setup.log 2>&1; then
    cat setup.log
    exit 1
fi
ninja -C build consumer.p/main.cpp.o
echo "subproject: <showwork/showwork.hpp> compiles in a consumer project"
