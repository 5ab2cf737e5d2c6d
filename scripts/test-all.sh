#!/usr/bin/env bash
# The one test command (README, CI): every check a release needs, in dependency order.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

bash scripts/ensure-test-peers.sh
# The format tests validate against third-party schemas that are not ours to ship; CI lays them
# beside the clone. Say so once, clearly, instead of failing with ENOENT in a dozen tests.
schemas="${RECALLKIT_SHARED_SCHEMAS:-../shared/schemas}"
if [ ! -d "$schemas/qti3" ]; then
  echo "reference schemas not found at $schemas: put shared/ beside this clone or set RECALLKIT_SHARED_SCHEMAS" >&2
  exit 1
fi
step "bank modules are fresh (src/banks/*.ts == build of questions/)"
npx tsx scripts/build-banks.ts --check
step "typecheck"
npx tsc --noEmit -p .
step "lint"
npx biome check .
step "build"
npm run build --silent
step "unit, property, differential, format and browser tests"
report="$(mktemp)"
npx vitest run --reporter=default --reporter=json --outputFile.json="$report"
step "bundle sizes"
npx tsx scripts/size.ts
step "package checks (publint, attw)"
npx publint --strict
npx attw --pack . --include-entrypoints ./banks/mosul-foreign-fighters ./banks/mosul-foreign-fighters.json
step "API docs: typedoc with every exported symbol documented, warnings as errors"
npx typedoc --logLevel Warn
step "packed tarball: require() and import() from a fresh project"
bash scripts/smoke-pack.sh
# The plain closing line CI reads: counts from vitest's JSON report.
node -e "const r=JSON.parse(require('fs').readFileSync(process.argv[1],'utf8')); console.log('tests: ' + r.numPassedTests + ' passed, ' + r.numFailedTests + ' failed' + (r.numPendingTests ? ', ' + r.numPendingTests + ' skipped' : ''))" "$report"
