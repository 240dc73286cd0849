#!/usr/bin/env bash
# Installs the Debian packages dacorpus builds and tests with. Run as root (or with sudo).
set -euo pipefail
# icu-devtools brings uconv, used only by scripts/make_normalize_fixtures.py and normalize-throughput.
packages=(zlib1g-dev libisal-dev libzstd-dev libbz2-dev libicu-dev gzip zstd bzip2 icu-devtools libopenblas-dev)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq "${missing[@]}"
fi
