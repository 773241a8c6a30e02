/** A few thousand mutated corpus documents: lint never throws and every range lies inside the document. */
import { checkCase } from '../fuzz/check';
import { corpusFiles } from '../corpus';

describe('fuzz (npm run fuzz runs more)', () => {
  const files = corpusFiles();
  const cases = Number(process.env.ECS_LENS_FUZZ_CASES ?? 3000);
  it(`lints ${cases} mutated corpus documents without throwing, ranges inside the document`, function () {
    this.timeout(120_000);
    for (let seed = 1; seed <= cases; seed++) checkCase(seed, files[seed % files.length].text, seed % 10 === 0);
  });
});
