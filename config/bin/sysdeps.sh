#!/usr/bin/env bash
# Installs the Debian packages Agendum needs when they are missing, and only those.
#   sysdeps.sh run    what serving needs: Python venv, WeasyPrint's libraries, fonts
#   sysdeps.sh test   the same, plus Chromium for the browser tests and redis-server for
#                     the fault tests (each starts and stops a broker of its own)
# Fonts: DejaVu covers Latin, Cyrillic and Arabic; WenQuanYi Micro Hei (5 MB) is the
# smallest Debian font that renders Chinese. Together they cover the six UN languages.
# gettext compiles the interface's translations (locale/) at set-up.
set -euo pipefail

want=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core fonts-wqy-microhei gettext)
if ! python3 -c 'import ensurepip, venv' 2>/dev/null; then want+=(python3-venv); fi
if [ "${1:-run}" = "test" ]; then want+=(chromium redis-server); fi

missing=()
for pkg in "${want[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  [ "$status" = "install ok installed" ] || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing system packages: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1; then
  sudo=(sudo)
else
  echo "These Debian packages are missing and I am not root: ${missing[*]}" >&2
  echo "Install them with: apt-get install --no-install-recommends ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
