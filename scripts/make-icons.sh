#!/usr/bin/env bash
# Renders assets/icon.svg to the PNG app icons the web app manifest lists (assets/icon-192.png and
# assets/icon-512.png) with headless Chromium. The PNGs are committed; rerun this after editing the
# SVG. Usage: scripts/make-icons.sh
set -euo pipefail
cd "$(dirname "$0")/.."
chromium=${CHROMIUM:-/usr/bin/chromium}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for size in 192 512; do
  # A page that is exactly the icon: the SVG scaled to the whole viewport, no margins.
  cat >"$work/icon.html" <<HTML
<!doctype html><html><head><style>html,body{margin:0;background:transparent}img{display:block;width:${size}px;height:${size}px}</style></head>
<body><img src="$(pwd)/assets/icon.svg"></body></html>
HTML
  "$chromium" --headless=new --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
    --default-background-color=00000000 --window-size="$size,$size" \
    --screenshot="$work/icon-$size.png" "file://$work/icon.html" >/dev/null 2>&1
  cp "$work/icon-$size.png" "assets/icon-$size.png"
  echo "assets/icon-$size.png"
done
