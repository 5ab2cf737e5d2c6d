/**
 * Emits the JSON Schema of a bank (dist/schema/bank.schema.json, exported as
 * `recallkit/bank.schema.json`) and each bank as JSON (dist/banks/<id>.json).
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as z from 'zod';
import { BankSchema } from '../src/schema/bank';

mkdirSync('dist/schema', { recursive: true });
const schema = z.toJSONSchema(BankSchema, { target: 'draft-2020-12', unrepresentable: 'any' });
const withId = { $id: 'https://unpkg.com/recallkit/dist/schema/bank.schema.json', title: 'RecallKit question bank', ...schema };
writeFileSync('dist/schema/bank.schema.json', `${JSON.stringify(withId, null, 2)}\n`);
console.log('✔ dist/schema/bank.schema.json');

mkdirSync('dist/banks', { recursive: true });
for (const f of readdirSync('src/banks').filter((n) => n.endsWith('.ts'))) {
  const mod = (await import(pathToFileURL(join('src/banks', f)).href)) as { bank: { id: string } };
  writeFileSync(join('dist/banks', `${mod.bank.id}.json`), `${JSON.stringify(mod.bank)}\n`);
  console.log(`✔ dist/banks/${mod.bank.id}.json`);
}
