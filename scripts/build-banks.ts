/**
 * Builds every bank under questions/: validates, lints, writes src/banks/<id>.ts.
 *
 *   tsx scripts/build-banks.ts               build (fails with file:line errors)
 *   tsx scripts/build-banks.ts --check       fail if src/banks/<id>.ts is stale
 *   tsx scripts/build-banks.ts --assign-ids  give items without an id a nanoid, once
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileBank, renderBankModule } from './bank-pipeline';

const args = new Set(process.argv.slice(2));
const check = args.has('--check');
const assignIds = args.has('--assign-ids');
const root = process.argv.find((a) => a.startsWith('--root='))?.slice(7) ?? 'questions';

let failed = false;
const dirs = readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory() && existsSync(join(root, d.name, 'bank.yaml')));
for (const d of dirs) {
  const dir = join(root, d.name);
  const result = compileBank(dir, { assignIds });
  for (const [file, text] of Object.entries(result.rewritten)) {
    writeFileSync(file, text);
    console.log(`assigned ids in ${file}`);
  }
  if (!result.bank) {
    for (const e of result.errors) console.error(`${e.file}:${e.line}: ${e.message}`);
    console.error(`✖ ${dir}: ${result.errors.length} error(s)`);
    failed = true;
    continue;
  }
  if (result.bank.id !== d.name) {
    console.error(`${dir}/bank.yaml:1: bank id "${result.bank.id}" must equal its folder name "${d.name}"`);
    failed = true;
    continue;
  }
  const out = join('src/banks', `${result.bank.id}.ts`);
  const text = renderBankModule(result.bank);
  if (check) {
    const current = existsSync(out) ? readFileSync(out, 'utf8') : '';
    if (current !== text) {
      console.error(`✖ ${out} is stale: run \`npm run bank:build\` and commit it`);
      failed = true;
    } else console.log(`✔ ${out} is up to date (${result.bank.questions.length} items)`);
  } else {
    writeFileSync(out, text);
    console.log(`✔ ${dir} -> ${out} (${result.bank.questions.length} items)`);
  }
}
process.exit(failed ? 1 : 0);
