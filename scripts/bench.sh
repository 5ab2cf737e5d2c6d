#!/usr/bin/env bash
# Runs every benchmark in bench/ (or the ones named: npm run bench -- scheduler scoring).
# Each prints ours vs the peer measured in the same run, with the ratio. Numbers are
# reported, not asserted: these machines are shared and noisy.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-test-peers.sh
names=("$@")
if [ ${#names[@]} -eq 0 ]; then for f in bench/*.ts; do names+=("$(basename "$f" .ts)"); done; fi
for n in "${names[@]}"; do
  printf '\n\033[1m== bench/%s.ts\033[0m\n' "$n"
  npx tsx "bench/$n.ts"
done
