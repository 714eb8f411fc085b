#!/usr/bin/env bash
# Installs, from Debian 12's packages, whatever Établi needs to build, test
# and run that is not already there. Idempotent: does nothing when all is set.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-tools-dev qt6-tools-dev-tools
  qt6-l10n-tools qt6-translations-l10n libqt6sql6-sqlite libqt6sql6-psql libqt6svg6
  libqt6opengl6-dev libxkbcommon-dev libvulkan-dev libgl-dev libspdlog-dev libsodium-dev libpq-dev qtkeychain-qt6-dev libsqlite3-dev sqlite3 catch2
  ccache clang-format python3 postgresql xvfb xauth imagemagick poppler-utils fonts-dejavu-core locales
  libqpdf-dev libxml2-utils libsaxonhe-java default-jre-headless libxlsxwriter-dev python3-openpyxl zlib1g-dev
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "Installation des paquets manquants : ${missing[*]}"
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
