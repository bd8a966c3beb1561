#!/usr/bin/env bash
# Installs what the test suite needs beyond Go: PostgreSQL server binaries
# (store conformance and scale-out tests) and Chromium (browser tests).
# It installs only when a piece is missing and we are root with apt-get;
# otherwise it says what is missing and the tests decide (skip locally,
# fail under CI=true).
set -euo pipefail

need=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v chromium >/dev/null 2>&1 || need+=(chromium)

if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "test-deps: missing ${need[*]} (not root or no apt-get): tests needing them will skip, or fail under CI=true" >&2
  exit 0
fi
echo "test-deps: installing ${need[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
