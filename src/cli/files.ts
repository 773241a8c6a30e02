/**
 * Files for the CLI: expanding files, folders and globs, and reading them as UTF-8 text, with a clear reason when
 * a file cannot be read as text at all (empty, binary, UTF-16).
 */
import { readFileSync, statSync } from 'node:fs';
import fg from 'fast-glob';

const IGNORE = ['**/node_modules/**', '**/.git/**', '**/dist/**', '**/cdk.out/**'];

export interface InputFile {
  path: string;
  /** Named on the command line (not found in a folder or by a glob): it must be checkable. */
  explicit: boolean;
}

/** What each input named: its files, sorted and de-duplicated; inputs that found nothing are listed apart. */
export function expandPaths(inputs: string[], cwd = process.cwd()): { files: InputFile[]; empty: string[]; missing: string[] } {
  const files = new Map<string, InputFile>();
  const empty: string[] = [];
  const missing: string[] = [];
  for (const input of inputs) {
    let stat;
    try {
      stat = statSync(input);
    } catch {
      stat = undefined;
    }
    if (stat?.isFile()) {
      files.set(input, { path: input, explicit: true });
      continue;
    }
    let found: string[];
    if (stat?.isDirectory()) {
      const base = input.replace(/[\\/]+$/, '');
      found = fg.sync(`${fg.convertPathToPattern(base)}/**/*.{json,jsonc}`, { cwd, ignore: IGNORE, dot: false });
    } else if (fg.isDynamicPattern(input)) {
      found = fg.sync(input, { cwd, ignore: IGNORE });
    } else {
      missing.push(input);
      continue;
    }
    if (found.length === 0) empty.push(input);
    for (const f of found) if (!files.has(f)) files.set(f, { path: f, explicit: false });
  }
  return { files: [...files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)), empty, missing };
}

export type ReadResult = { text: string } | { problem: 'empty' | 'binary' | 'utf16'; message: string };

/** Reads a file as UTF-8 text; says why when it is not text (I/O errors throw). */
export function readText(path: string): ReadResult {
  const bytes = readFileSync(path);
  if (bytes.length === 0) return { problem: 'empty', message: 'The file is empty: it holds no JSON value.' };
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || looksUtf16(bytes);
  if (utf16) {
    return { problem: 'utf16', message: 'The file is encoded as UTF-16. The AWS CLI and ECS read JSON as UTF-8 only; save the file as UTF-8 (without BOM).' };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { problem: 'binary', message: 'The file is not UTF-8 text (it looks binary), so it cannot be a task definition or service.' };
  }
  if (text.includes('\u0000')) return { problem: 'binary', message: 'The file holds NUL bytes: it is binary, not JSON text.' };
  // TextDecoder drops a UTF-8 byte order mark; keep it, so the engine names it (the AWS CLI rejects it).
  return { text: bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? `\ufeff${text}` : text };
}

/** UTF-16 without a byte order mark: ASCII text with every other byte NUL. */
function looksUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 256);
  if (n < 4) return false;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i++) {
    if (bytes[i] !== 0) continue;
    if (i % 2 === 0) evenNul++;
    else oddNul++;
  }
  return Math.max(evenNul, oddNul) > n / 4 && Math.min(evenNul, oddNul) === 0;
}
