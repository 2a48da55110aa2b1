#!/usr/bin/env bash
# Browser tests drive Debian's Chromium; install it (and a small CJK font, so screenshots of the
# Chinese pages show text rather than boxes) when missing and apt is usable.
set -euo pipefail

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
fc-list 2>/dev/null | grep -qiE 'wqy|noto.*cjk|source han' || need+=(fonts-wqy-microhei)
[ ${#need[@]} -eq 0 ] && exit 0

sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo -n"
if command -v apt-get >/dev/null 2>&1 && { [ -z "$sudo" ] || sudo -n true 2>/dev/null; }; then
  echo "Installing ${need[*]} for the browser tests..."
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
elif [ -x /usr/bin/chromium ]; then
  echo "warning: no CJK font found; Chinese text in test screenshots will show as boxes." >&2
  echo "Install one, e.g. 'sudo apt-get install fonts-wqy-microhei'." >&2
else
  echo "error: the browser tests need Chromium at /usr/bin/chromium." >&2
  echo "Install it with your package manager, e.g. 'sudo apt-get install chromium fonts-wqy-microhei'." >&2
  exit 1
fi
