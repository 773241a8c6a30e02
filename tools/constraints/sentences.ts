/**
 * Turns the SDK's HTML documentation into plain sentences that make sense on their own:
 * - paragraphs, list items and notes are hard boundaries; inside a paragraph a sentence ends at `.`, `!` or `?`
 *   followed by a capital (not after "e.g." and the like; version numbers such as 1.4.0 have no space after
 *   their dots, so they never split);
 * - a definition (`<dt>awslogs-region</dt><dd>Required: Yes</dd>`) and a list item that opens with a bare term
 *   (`<li><p>PRE_SCALE_UP</p><p>…</p></li>`) prefix each of their sentences with the term ("awslogs-region:
 *   Required: Yes"), since "Required: Yes" alone says nothing;
 * - an intro that ends with ":" or announces "the following" and is followed by short list items becomes one
 *   sentence with the items joined by ";", so "The following are the supported values for each volume type."
 *   keeps its values.
 */

interface Block {
  text: string;
  /** Which list item or definition the block belongs to (0: none). */
  item: number;
  /** The `<dt>` term a `<dd>` block defines. */
  term?: string;
  isTerm?: boolean;
}

const ENTITIES: Record<string, string> = { '&gt;': '>', '&lt;': '<', '&amp;': '&', '&quot;': '"', '&#39;': "'", '&nbsp;': ' ' };

/** An item this short with one sentence is a value of a list, not a paragraph of its own. */
const MAX_JOINED_ITEM = 160;

function decode(s: string): string {
  return s.replace(/&(?:gt|lt|amp|quot|#39|nbsp);/g, (e) => ENTITIES[e]).replace(/<\/?[A-Za-z][^>]*>/g, '');
}

function blocks(html: string): Block[] {
  const text = html
    .replace(/<a\s[^>]*>([\s\S]*?)<\/a>/g, '$1')
    .replace(/<code>([\s\S]*?)<\/code>/g, (_, c: string) => '`' + c.trim() + '`')
    .replace(/<\/?(?:i|b|em|strong)>/g, '');
  const out: Block[] = [];
  const re = /<(\/?)(p|li|ul|ol|dl|dt|dd|note|important)>/g;
  let last = 0;
  let items = 0;
  const open: number[] = [];
  let inTerm = false;
  let term: string | undefined;
  const push = (raw: string) => {
    const t = decode(raw).replace(/\s+/g, ' ').trim();
    if (!t) return;
    if (inTerm) {
      term = t;
      out.push({ text: t, item: open[open.length - 1] ?? 0, isTerm: true });
    } else out.push({ text: t, item: open[open.length - 1] ?? 0, term: open.length ? term : undefined });
  };
  for (let m = re.exec(text); m; m = re.exec(text)) {
    push(text.slice(last, m.index));
    last = m.index + m[0].length;
    const closing = m[1] === '/';
    const tag = m[2];
    if (tag === 'dt') inTerm = !closing;
    if (tag === 'li' || tag === 'dd') {
      if (closing) open.pop();
      else open.push(++items);
      if (tag === 'li') term = undefined;
    }
    if (tag === 'dl' && closing) term = undefined;
  }
  push(text.slice(last));
  return out;
}

const ABBREVIATION = /\b(?:e\.g|i\.e|etc|vs|approx|Inc|No)\.$/i;

/** Splits one paragraph into sentences. */
export function splitSentences(paragraph: string): string[] {
  const parts = paragraph.split(/(?<=[.!?])\s+(?=[A-Z`"(])/);
  const out: string[] = [];
  for (const p of parts) {
    if (out.length && ABBREVIATION.test(out[out.length - 1])) out[out.length - 1] += ' ' + p;
    else out.push(p);
  }
  return out;
}

/** A short first paragraph without a full stop names what the rest of its list item is about. */
const TERM = /^[`"]?[\w:./-]+[`"]?$/;

interface Unit {
  sentences: string[];
  item: number;
}

/** One unit per paragraph, with the sentences of definitions and term items prefixed by their term. */
function units(html: string): Unit[] {
  const bs = blocks(html);
  const out: Unit[] = [];
  let itemTerm: { item: number; term: string } | undefined;
  for (let i = 0; i < bs.length; i++) {
    const b = bs[i];
    if (b.isTerm) continue;
    let prefix = b.term;
    if (!prefix && b.item) {
      const next = bs[i + 1];
      if (TERM.test(b.text) && next && next.item === b.item && !next.isTerm) {
        itemTerm = { item: b.item, term: b.text };
        continue;
      }
      if (itemTerm?.item === b.item) prefix = itemTerm.term;
    }
    const sentences = splitSentences(b.text).map((s) => (prefix ? `${prefix}: ${s}` : s));
    out.push({ sentences, item: b.item });
  }
  return out;
}

/** The sentences of one member's documentation, in order. */
export function toSentences(html: string): string[] {
  const us = units(html);
  const out: string[] = [];
  for (let i = 0; i < us.length; i++) {
    const { sentences } = us[i];
    const last = sentences[sentences.length - 1];
    if (!us[i].item && (last.endsWith(':') || /\bthe following\b/i.test(last))) {
      // Each list item whose first paragraph is one short sentence contributes it ("`gp3`: 3,000 - 16,000
      // IOPS"). An item with more paragraphs (a note under "Magnetic: `standard`") ends the run; its other
      // paragraphs follow the joined sentence on their own.
      const items: string[] = [];
      const rest: string[] = [];
      let j = i + 1;
      // Items that are full sentences ("You must use … network mode.") stay sentences of their own unless the
      // intro announces values ("Valid values are:").
      const values = /\b(?:values?|types|platforms|transitions)\b/i.test(last);
      const joinable = (u: Unit) => u.item > 0 && u.sentences.length === 1 && u.sentences[0].length <= MAX_JOINED_ITEM && (values || !u.sentences[0].endsWith('.'));
      while (j < us.length && joinable(us[j])) {
        const item = us[j].item;
        items.push(us[j].sentences[0].replace(/[.;]$/, ''));
        j++;
        if (j < us.length && us[j].item === item) {
          while (j < us.length && us[j].item === item) rest.push(...us[j++].sentences);
          break;
        }
      }
      if (items.length) {
        out.push(...sentences.slice(0, -1), `${last.replace(/[.:]$/, '')}: ${items.join('; ')}.`, ...rest);
        i = j - 1;
        continue;
      }
    }
    out.push(...sentences);
  }
  return out;
}
