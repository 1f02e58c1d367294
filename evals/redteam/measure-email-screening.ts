/**
 * Measures the deterministic screening of the EMAIL (lib/core/safety/screen-inbound.ts and
 * screen-structure.ts) against the red-team corpora:
 *
 *   npx tsx evals/redteam/measure-email-screening.ts            figures per split and language
 *   npx tsx evals/redteam/measure-email-screening.ts --misses dev   also the dev items it got wrong
 *
 * A hostile mail counts as caught when any flag that names an attack fires on its body (or its
 * follow-up's); a benign mail counts as clean when none does. Links and attachments are left
 * out: they flag mail by what it carries, not by what it asks. Held-out items are never printed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { screenInbound } from '../../lib/core/safety/screen-inbound';
import { screenStructure } from '../../lib/core/safety/screen-structure';
import { corpusSchema, type CorpusItem } from './corpus-schema';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const NOT_ATTACKS = new Set(['contains_links', 'has_attachments']);

function flags(item: CorpusItem, text: string): string[] {
  const all = [
    ...screenInbound({ text }),
    ...screenStructure({ text, senderAddress: item.from.address, knownAddresses: [], ownDomains: ['countersign.example'], recipients: [] }),
  ];
  return all.filter((flag) => !NOT_ATTACKS.has(flag));
}

function readCorpus(name: string): CorpusItem[] {
  return corpusSchema.parse(JSON.parse(readFileSync(path.join(root, 'evals/redteam/corpus', `${name}.json`), 'utf8')));
}

interface Outcome {
  item: CorpusItem;
  good: boolean;
  flags: string[];
}

function byLanguage(outcomes: Outcome[]): string {
  const languages = [...new Set(outcomes.map((outcome) => outcome.item.language))].sort();
  return languages
    .map((language) => {
      const group = outcomes.filter((outcome) => outcome.item.language === language);
      return `${language} ${group.filter((outcome) => outcome.good).length}/${group.length}`;
    })
    .join('  ');
}

const { values } = parseArgs({ options: { misses: { type: 'string' } } });
const hostile = readCorpus('hostile').map((item): Outcome => {
  const found = [...flags(item, item.body), ...(item.followUp ? flags(item, item.followUp.body) : [])];
  return { item, good: found.length > 0, flags: found };
});
const benign = readCorpus('benign').map((item): Outcome => {
  const found = flags(item, item.body);
  return { item, good: found.length === 0, flags: found };
});

for (const split of ['dev', 'heldout'] as const) {
  const caught = hostile.filter((outcome) => outcome.item.split === split);
  const clean = benign.filter((outcome) => outcome.item.split === split);
  console.log(`[${split}]`);
  console.log(`  hostile mails flagged: ${caught.filter((outcome) => outcome.good).length}/${caught.length}   ${byLanguage(caught)}`);
  console.log(`  benign mails not flagged: ${clean.filter((outcome) => outcome.good).length}/${clean.length}   ${byLanguage(clean)}`);
}
if (values.misses === 'dev') {
  console.log('\nDev misses:');
  for (const outcome of [...hostile, ...benign].filter((entry) => !entry.good && entry.item.split === 'dev')) {
    console.log(`- ${outcome.item.id} ${outcome.flags.join(', ')}`);
  }
}
