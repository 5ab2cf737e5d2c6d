#!/usr/bin/env bash
# Packs the package, installs the tarball into a fresh temp project, and checks that
# every subpath loads with require() and import(), and that the bin runs.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
tarball="$(npm pack --silent --pack-destination "$tmp" | tail -1)"
cd "$tmp"
npm init -y >/dev/null
npm install --no-audit --no-fund --silent "./$tarball"
subpaths="recallkit recallkit/formats/apkg recallkit/schema recallkit/scheduler recallkit/scoring recallkit/quiz recallkit/formats recallkit/session recallkit/optimizer recallkit/banks/mosul-foreign-fighters"
cat > check.cjs <<JS
for (const p of '$subpaths'.split(' ')) {
  const m = require(p);
  if (Object.keys(m).length === 0) throw new Error('require(' + p + ') exported nothing');
}
const { bank } = require('recallkit/banks/mosul-foreign-fighters');
const schema = require('recallkit/bank.schema.json');
if (!bank.questions.length || !schema.properties) throw new Error('bank or JSON schema missing');
console.log('require(): ok for ' + '$subpaths'.split(' ').length + ' subpaths, ' + bank.questions.length + ' items');
JS
cat > check.mjs <<JS
for (const p of '$subpaths'.split(' ')) {
  const m = await import(p);
  if (Object.keys(m).length === 0) throw new Error('import(' + p + ') exported nothing');
}
const { RecallKitError } = await import('recallkit');
const { parseBank } = await import('recallkit/schema');
try { parseBank({}) } catch (e) { if (!(e instanceof RecallKitError)) throw e }
console.log('import(): ok, RecallKitError is shared across subpaths');
JS
node check.cjs
node check.mjs
npx --no-install recallkit --help >/dev/null && echo "bin: ok"
