#!/usr/bin/env bash
# Installs the peers that differential tests and benchmarks compare against but that cannot
# live in package-lock.json: @open-spaced-repetition/binding@0.5.0 (fsrs-rs) lists optional
# platform packages at ^0.5.0 that the registry only has at 0.1.2 (darwin-arm64 and others),
# so npm cannot lock them and `npm ci` refuses the lock file. We install it unsaved instead.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! node -e "require('@open-spaced-repetition/binding')" 2>/dev/null; then
  echo "installing test peer @open-spaced-repetition/binding@0.5.0 (not in the lock file, see scripts/ensure-test-peers.sh)"
  npm install --no-save --no-audit --no-fund --silent @open-spaced-repetition/binding@0.5.0
fi
