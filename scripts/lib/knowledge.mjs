// Reads knowledge/*.md (format: knowledge/README.md) into plain entries. Used by the build, which writes
// src/core/generated/knowledge.json for the engine; strict on purpose: a malformed entry fails the build.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const THEMES = ['fundamentals', 'capacity', 'networking', 'security', 'logging', 'scheduling', 'deployments', 'storage', 'cost'];
const KEYS = new Set(['id', 'title', 'theme', 'summary', 'related', 'locations', 'docs', 'questions', 'corrects', 'top']);

function fail(file, message) {
  throw new Error(`knowledge/${file}: ${message}`);
}

function parseFrontMatter(file, text) {
  const out = {};
  let listKey;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\s+$/, '');
    if (!line) continue;
    const item = /^\s+-\s+(.*)$/.exec(line);
    if (item) {
      if (!listKey) fail(file, `list item outside a list: "${line}"`);
      out[listKey].push(item[1].trim());
      continue;
    }
    const m = /^([a-z]+):\s*(.*)$/.exec(line);
    if (!m) fail(file, `cannot read front matter line "${line}"`);
    const [, key, value] = m;
    if (!KEYS.has(key)) fail(file, `unknown front matter key "${key}"`);
    listKey = undefined;
    if (value === '') {
      out[key] = [];
      listKey = key;
    } else if (value.startsWith('[')) {
      if (!value.endsWith(']')) fail(file, `"${key}" list must close on the same line`);
      const inner = value.slice(1, -1).trim();
      out[key] = inner ? inner.split(',').map((s) => s.trim()) : [];
    } else {
      out[key] = value.trim();
    }
  }
  return out;
}

/** Splits the body into the explanation and the `## Pitfalls` / `## Misconceptions` bullet lists. */
function parseBody(file, body) {
  const sections = { explanation: [], pitfalls: [], misconceptions: [] };
  let current = 'explanation';
  for (const line of body.split('\n')) {
    const h = /^##\s+(.*)$/.exec(line);
    if (h) {
      const name = h[1].trim().toLowerCase();
      if (!(name in sections) || name === 'explanation') fail(file, `unknown section "## ${h[1]}"`);
      current = name;
      continue;
    }
    sections[current].push(line);
  }
  const bullets = (lines, what) => {
    const out = [];
    for (const line of lines) {
      if (!line.trim()) continue;
      if (line.startsWith('- ')) out.push(line.slice(2).trim());
      else if (/^\s+\S/.test(line) && out.length) out[out.length - 1] += ` ${line.trim()}`;
      else fail(file, `${what} must be a list of "- " bullets: "${line}"`);
    }
    return out;
  };
  return {
    explanation: sections.explanation.join('\n').trim(),
    pitfalls: bullets(sections.pitfalls, 'Pitfalls'),
    misconceptions: bullets(sections.misconceptions, 'Misconceptions'),
  };
}

export function readKnowledge(dir) {
  const entries = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'README.md').sort()) {
    const text = readFileSync(join(dir, file), 'utf8').replace(/\r\n/g, '\n');
    const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
    if (!m) fail(file, 'expected front matter between --- lines');
    const fm = parseFrontMatter(file, m[1]);
    for (const key of ['id', 'title', 'theme', 'summary', 'docs']) if (typeof fm[key] !== 'string' || !fm[key]) fail(file, `missing "${key}"`);
    if (fm.id !== file.replace(/\.md$/, '')) fail(file, `id "${fm.id}" does not match the file name`);
    if (!THEMES.includes(fm.theme)) fail(file, `theme "${fm.theme}" is not one of ${THEMES.join(', ')}`);
    if (!/^https:\/\//.test(fm.docs)) fail(file, 'docs must be an https:// link');
    for (const loc of fm.locations ?? []) if (!/^(TD|SVC):/.test(loc)) fail(file, `location "${loc}" must start with TD: or SVC:`);
    const body = parseBody(file, m[2]);
    if (!body.explanation) fail(file, 'the explanation is empty');
    entries.push({
      id: fm.id,
      title: fm.title,
      theme: fm.theme,
      summary: fm.summary,
      related: fm.related ?? [],
      locations: fm.locations ?? [],
      docs: fm.docs,
      questions: fm.questions ?? [],
      corrects: fm.corrects ?? [],
      top: fm.top === 'true',
      ...body,
    });
  }
  const ids = new Set(entries.map((e) => e.id));
  for (const e of entries) for (const r of e.related) if (!ids.has(r)) fail(`${e.id}.md`, `related concept "${r}" does not exist`);
  return entries;
}
