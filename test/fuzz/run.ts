/** `npm run fuzz [cases]`: the long fuzz run (default 10,000 cases), with a figure per second. */
import { corpusFiles } from '../corpus';
import { checkCase } from './check';

const cases = Number(process.argv[2] ?? 10_000);
const files = corpusFiles();
const started = Date.now();
let failures = 0;
for (let seed = 1; seed <= cases; seed++) {
  try {
    checkCase(seed + 1_000_000, files[seed % files.length].text, seed % 5 === 0);
  } catch (err) {
    failures++;
    console.error((err as Error).message);
  }
}
const seconds = (Date.now() - started) / 1000;
console.log(`${cases - failures} passed, ${failures} failed`);
console.log(`fuzz: ${cases} cases in ${seconds.toFixed(1)} s (${Math.round(cases / seconds)} per second)`);
process.exitCode = failures ? 1 : 0;
