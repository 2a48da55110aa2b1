#!/usr/bin/env bash
# Browser tests drive Debian's Chromium; install it when missing and apt is usable.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "Installing Debian's chromium for the browser tests..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
elif command -v apt-get >/dev/null 2>&1 && command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  echo "Installing Debian's chromium for the browser tests..."
  sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
else
  echo "error: the browser tests need Chromium at /usr/bin/chromium." >&2
  echo "Install it with your package manager, e.g. 'sudo apt-get install chromium' on Debian/Ubuntu." >&2
  exit 1
fi
