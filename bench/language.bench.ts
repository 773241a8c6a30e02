/**
 * `npm run bench` (2 of 2): hover and completion latency against the JSON language service's `doHover` and
 * `doComplete` with our task-definition schema, on the same text at the same cursor. Like with like: both sides
 * get a document already parsed for that version (ours an `EcsDocument`, theirs `parseJSONDocument` once), and
 * the parse costs are reported in rows of their own. Prints figures only.
 */
import { getLanguageService, type JSONDocument } from 'vscode-json-languageservice';
import { TextDocument } from 'vscode-languageserver-textdocument';
import taskSchema from '../schemas/task-definition.schema.json';
import { alternate, lib, taskOfSize } from './common';

const { EcsDocument, hover, complete } = lib;

/** The offset of `needle` in the last container of the document (the deepest place a cursor usually is). */
function inLastContainer(text: string, needle: string, shift = 0): number {
  const names = [...text.matchAll(/\n {6}"name": "/g)];
  const start = names[names.length - 1].index;
  const at = text.indexOf(needle, start);
  if (at < 0) throw new Error(`bench: ${needle} not found`);
  return at + shift;
}

interface Case {
  label: string;
  what: 'hover' | 'complete';
  offset: (text: string) => number;
}

const CASES: Case[] = [
  // In the middle of a key three levels down: containerDefinitions[n].healthCheck.startPeriod.
  { label: 'hover, key in a container', what: 'hover', offset: (t) => inLastContainer(t, '"startPeriod"', 5) },
  // On an enum value: containerDefinitions[n].logConfiguration.logDriver = "awslogs".
  { label: 'hover, enum value', what: 'hover', offset: (t) => inLastContainer(t, '"awslogs"', 4) },
  // A key position between two members of a container (after `"essential": false,`): the keys not yet there.
  { label: 'complete, key in a container', what: 'complete', offset: (t) => inLastContainer(t, '"essential": false,', '"essential": false,'.length) },
  // Inside an enum value being typed: `"aws|logs"`.
  { label: 'complete, enum value', what: 'complete', offset: (t) => inLastContainer(t, '"awslogs"', 4) },
];

async function main(): Promise<void> {
  const service = getLanguageService({});
  service.configure({ validate: true, allowComments: true, schemas: [{ uri: 'ecs-lens://task-definition.schema.json', fileMatch: ['*.json'], schema: taskSchema as object }] });

  console.log('\nhover and completion latency (same text, same cursor, documents already parsed; same machine, one run)');
  console.log(`${'document / request'.padEnd(62)} | ecs-lens p50 / p95    | json-languageservice p50 / p95 | ratio (p50, target <= 0.5x)`);
  const firstCalls: string[] = [];
  for (const size of [5_000, 50_000]) {
    const text = JSON.stringify(taskOfSize(size), null, 2);
    const kb = `${(text.length / 1000).toFixed(1).padStart(4)} KB`;
    const textDoc = TextDocument.create('file:///bench.json', 'json', 1, text);
    const iterations = text.length < 10_000 ? 3000 : 1000;

    // Parse costs, once per document version on each side. Ours: JSON.parse and classification (what lint
    // needs). The first hover or completion of a version reads strict JSON off the text; the next ones walk a
    // syntax tree with offsets, built on the second question and kept for the version.
    const parse = await alternate(() => new EcsDocument(text), () => service.parseJSONDocument(textDoc), iterations);
    console.log(row(`${kb} parse (per version)`, parse, ''));
    const tree = await alternate(() => new EcsDocument(text).json.tree, () => service.parseJSONDocument(textDoc), iterations);
    console.log(row(`${kb} parse + syntax tree`, tree, 'theirs: parse'));
    // What the first request on a new version costs, parse included on both sides.
    const [hoverCase, , completeCase] = CASES; // the key hover and the key completion
    const hoverAt = hoverCase.offset(text);
    const firstHover = await alternate(() => hover(new EcsDocument(text), hoverAt), () => service.doHover(textDoc, textDoc.positionAt(hoverAt), service.parseJSONDocument(textDoc)), iterations);
    console.log(row(`${kb} new version: parse, then hover (key in a container)`, firstHover, ''));
    const completeAt = completeCase.offset(text);
    const firstCompletion = await alternate(() => complete(new EcsDocument(text), completeAt), () => service.doComplete(textDoc, textDoc.positionAt(completeAt), service.parseJSONDocument(textDoc)), iterations);
    console.log(row(`${kb} new version: parse, then complete (key in a container)`, firstCompletion, ''));

    firstCalls.push(`${kb.trim()} ${us(tree.ours.p50 - parse.ours.p50).trim()}`);

    const doc = new EcsDocument(text);
    const jsonDoc: JSONDocument = service.parseJSONDocument(textDoc);
    for (const c of CASES) {
      const offset = c.offset(text);
      const position = textDoc.positionAt(offset);
      const ours = c.what === 'hover' ? () => hover(doc, offset) : () => complete(doc, offset);
      const theirs = c.what === 'hover' ? () => service.doHover(textDoc, position, jsonDoc) : () => service.doComplete(textDoc, position, jsonDoc);
      const r = await alternate(ours, theirs, iterations);
      console.log(row(`${kb} ${c.label}`, r, await describe(c, ours(), await theirs())));
    }
  }
  console.log(`\nThe second hover or completion of a version builds its syntax tree, kept for the version (p50 of "parse + syntax tree" minus "parse"): ${firstCalls.join(', ')}.`);
}

const us = (ms: number): string => `${(ms * 1000).toFixed(1).padStart(6)} µs`;

function row(label: string, r: Awaited<ReturnType<typeof alternate>>, note: string): string {
  const ratio = r.ours.p50 / r.theirs.p50;
  return `${label.padEnd(62)} | ${us(r.ours.p50)} / ${us(r.ours.p95)} | ${us(r.theirs.p50)} / ${us(r.theirs.p95)} | ${ratio.toFixed(2)}x${note ? `   [${note}]` : ''}`;
}

/** What each side answered, so that a row never compares an answer with nothing. */
async function describe(c: Case, ours: unknown, theirs: unknown): Promise<string> {
  if (c.what === 'hover') {
    const size = (h: unknown): string => {
      if (!h) return 'none';
      const contents = (h as { contents: unknown }).contents;
      const text = typeof contents === 'string' ? contents : JSON.stringify(contents);
      return `${text.length} chars`;
    };
    return `hover: ${size(ours)} vs ${size(theirs)}`;
  }
  const count = (l: unknown): number => (l as { items?: unknown[] } | null)?.items?.length ?? 0;
  return `items: ${count(ours)} vs ${count(theirs)}`;
}

void main();
