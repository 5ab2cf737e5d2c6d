#!/usr/bin/env bash
# The one test command (README, CI): every check a release needs, in dependency order.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

bash scripts/ensure-test-peers.sh
step "bank modules are fresh (src/banks/*.ts == build of questions/)"
npx tsx scripts/build-banks.ts --check
step "typecheck"
npx tsc --noEmit -p .
step "lint"
npx biome check .
step "build"
npm run build --silent
step "unit, property, differential, format and browser tests"
npx vitest run
step "bundle sizes"
npx tsx scripts/size.ts
step "package checks (publint, attw)"
npx publint --strict
npx attw --pack . --include-entrypoints ./banks/mosul-foreign-fighters ./banks/mosul-foreign-fighters.json
step "packed tarball: require() and import() from a fresh project"
bash scripts/smoke-pack.sh
