#!/bin/sh
# Cuts the shipped Chinese font down to the characters in charset.txt.
#
# Needs the Noto Sans CJK collection and fontTools' subsetter; on Debian or
# Ubuntu: apt-get install fonts-noto-cjk python3-fonttools
#
# Set PYTHON to an interpreter with fontTools if python3 on PATH has none.
#
# Usage, from the repository root:
#   go test ./plots -run TestCharset -update   # refresh charset.txt
#   sh plots/fonts/subset.sh [path/to/NotoSansCJK-Regular.ttc]
set -eu
here=$(dirname "$0")
src=${1:-/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc}
# Face 2 of the collection is Noto Sans CJK SC (Simplified Chinese).
"${PYTHON:-python3}" -m fontTools.subset "$src" \
	--font-number=2 \
	--text-file="$here/charset.txt" \
	--layout-features='*' \
	--name-IDs='*' \
	--name-languages='*' \
	--no-hinting \
	--output-file="$here/NotoSansCJKsc-Regular-subset.otf"
ls -l "$here/NotoSansCJKsc-Regular-subset.otf"
