/**
 * Prints the profile summaries of a results file:
 *   npx tsx bench/report/print-profiles.ts bench/results/<run>.json
 */
import { readFileSync } from 'node:fs';
import { formatProfiles, formatTails } from './profiles-text';

const file = process.argv[2];
if (!file) {
  console.error('usage: npx tsx bench/report/print-profiles.ts bench/results/<run>.json');
  process.exit(1);
}
const results = JSON.parse(readFileSync(file, 'utf8')) as unknown;
console.log(formatProfiles(results, Number(process.argv[3] ?? 12)));
const tails = formatTails(results);
if (tails) console.log(`\nwhile the slowest edits were under way:\n${tails}`);
