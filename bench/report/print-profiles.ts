/**
 * Prints the profile summaries of a results file:
 *   npx tsx bench/report/print-profiles.ts bench/results/<run>.json
 */
import { readFileSync } from 'node:fs';
import { formatProfiles } from './profiles-text';

const file = process.argv[2];
if (!file) {
  console.error('usage: npx tsx bench/report/print-profiles.ts bench/results/<run>.json');
  process.exit(1);
}
console.log(formatProfiles(JSON.parse(readFileSync(file, 'utf8')) as unknown, Number(process.argv[3] ?? 12)));
