#!/usr/bin/env bash
# Debian's Chromium for the end-to-end tests, without the omnibox popup: since Chromium 156
# every new window (so every Playwright browser context, one per test) loads the popup's two
# WebUI pages in a renderer of their own, measured at a quarter of the suite's time on two
# cores. Chromium keeps only the last --disable-features it is given, and Playwright passes
# its own list, so the popup's features are added to that list rather than passed again.
set -euo pipefail
OURS='WebUIOmniboxPopup,WebUIOmniboxAimPopup'
args=()
seen=0
for a in "$@"; do
	case "$a" in
	--disable-features=*) args+=("$a,$OURS") seen=1 ;;
	*) args+=("$a") ;;
	esac
done
[ "$seen" = 1 ] || args+=("--disable-features=$OURS")
exec /usr/bin/chromium "${args[@]}"
