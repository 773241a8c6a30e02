/**
 * The knowledge base covers ../shared/knowledge/TOPICS.md: every concept has an entry, every seed question reaches
 * an entry, every correction of the seed answers is stated by an entry, and every JSON location an entry attaches
 * to exists in the schemas.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { conceptById, concepts, parseLocation, THEMES } from '../../src/core/knowledge/index';
import { patternPath } from '../../src/core/knowledge/pages';
import { schemaAt, schemaFor } from '../../src/core/schema/info';

const topicsFile = join(__dirname, '../../../shared/knowledge/TOPICS.md');

describe('knowledge base', () => {
  const topics = existsSync(topicsFile) ? readFileSync(topicsFile, 'utf8') : '';

  before(function () {
    if (!topics) this.skip();
  });

  /** Concept ids: the `#### \`id\`` headings of the fact sheets (sections 2 and 4). */
  const conceptIds = (): string[] => [...topics.matchAll(/^#### `([a-z0-9-]+)`/gm)].map((m) => m[1]);

  /** Section 1: question id → concept ids. */
  function questionMap(): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const m of topics.matchAll(/^\| ([AB]\d+) \| [^|]* \| ([^|]*) \|/gm)) out.set(m[1], [...m[2].matchAll(/`([a-z0-9-]+)`/g)].map((x) => x[1]));
    return out;
  }

  it('every concept of TOPICS.md has an entry, and every entry is a concept of TOPICS.md', () => {
    const ids = conceptIds();
    assert.ok(ids.length >= 90, `${ids.length} concept ids read from TOPICS.md`);
    assert.deepEqual(ids.filter((id) => !conceptById(id)), [], 'concepts without an entry');
    assert.deepEqual(concepts.map((c) => c.id).filter((id) => !ids.includes(id)), [], 'entries that are not concepts of TOPICS.md');
  });

  it('every seed question reaches an entry that answers it (through a hover location or the Concepts view)', () => {
    const questions = questionMap();
    assert.equal(questions.size, 57);
    const answered = new Set(concepts.flatMap((c) => c.questions));
    for (const [q, ids] of questions) {
      assert.ok(ids.length > 0, `${q} maps to no concept`);
      for (const id of ids) assert.ok(conceptById(id), `${q}: concept ${id} has no entry`);
      assert.ok(answered.has(q), `no entry lists ${q} among the questions it answers`);
      // Every entry is in the Concepts view; one with locations is also reachable by hovering a key.
      assert.ok(ids.some((id) => conceptById(id)?.questions.includes(q)), `${q}: none of ${ids.join(', ')} lists it`);
    }
  });

  it('every correction of the seed answers (TOPICS.md section 3) is stated by an entry', () => {
    const section = topics.slice(topics.indexOf('## 3. Corrections'), topics.indexOf('## 4.'));
    const corrected = new Set(concepts.flatMap((c) => c.corrects));
    const items = [...section.matchAll(/^\d+\. \*\*([^*]+)\*\*/gm)].map((m) => m[1]);
    assert.ok(items.length >= 35, `${items.length} corrections`);
    for (const item of items) {
      const ids = [...item.matchAll(/\b([AB]\d+)\b/g)].map((m) => m[1]);
      if (ids.length === 0) continue;
      assert.ok(ids.some((q) => corrected.has(q)), `correction "${item}" is not stated by any entry (corrects: ${ids.join(', ')})`);
    }
    for (const c of concepts) {
      if (c.corrects.length) assert.ok(c.misconceptions.length > 0, `${c.id} corrects ${c.corrects.join(', ')} but has no Misconceptions section`);
    }
  });

  it('entries are complete: theme, summary, explanation, pitfalls, related, docs, valid locations', () => {
    const themes = new Set(THEMES.map((t) => t.id));
    for (const c of concepts) {
      assert.ok(themes.has(c.theme), `${c.id}: theme ${c.theme}`);
      assert.ok(c.summary.length > 20 && c.summary.length <= 220, `${c.id}: summary of ${c.summary.length} characters`);
      const words = c.explanation.split(/\s+/).length;
      assert.ok(words >= 40 && words <= 260, `${c.id}: explanation of ${words} words`);
      assert.ok(c.pitfalls.length >= 2 && c.pitfalls.length <= 5, `${c.id}: ${c.pitfalls.length} pitfalls`);
      assert.ok(/^https:\/\//.test(c.docs), `${c.id}: docs ${c.docs}`);
      for (const r of c.related) assert.ok(conceptById(r), `${c.id}: related ${r} does not exist`);
      for (const location of c.locations) {
        const parsed = parseLocation(location);
        assert.ok(parsed, `${c.id}: cannot read location ${location}`);
        const path = patternPath(parsed.pattern);
        const node = schemaAt(schemaFor(parsed.kind), path);
        assert.ok(node, `${c.id}: ${location} is not a member of the ${parsed.kind} schema`);
        if (parsed.value !== undefined && node.enum) assert.ok(node.enum.includes(parsed.value), `${c.id}: ${location}: "${parsed.value}" is not an allowed value`);
      }
    }
  });

  it('the seed documents are not copied: no entry shares a run of eight words with them', () => {
    const seedsDir = join(__dirname, '../../../shared/seeds');
    const seeds = ['000_c0b96c4a170adaa7.txt', '001_3f579607829c3378.txt']
      .map((f) => join(seedsDir, f))
      .filter((f) => existsSync(f))
      .map((f) => readFileSync(f, 'utf8'));
    if (seeds.length === 0) return;
    const norm = (s: string): string[] => s.toLowerCase().replace(/[^a-z0-9 ]+/g, ' ').split(/\s+/).filter(Boolean);
    const grams = new Set<string>();
    for (const seed of seeds) {
      const w = norm(seed);
      for (let i = 0; i + 8 <= w.length; i++) grams.add(w.slice(i, i + 8).join(' '));
    }
    for (const c of concepts) {
      const w = norm([c.summary, c.explanation, ...c.pitfalls, ...c.misconceptions].join(' '));
      for (let i = 0; i + 8 <= w.length; i++) {
        const g = w.slice(i, i + 8).join(' ');
        assert.ok(!grams.has(g), `${c.id} repeats the seed text "${g}"`);
      }
    }
  });
});
