/**
 * JSON changes → minimal text edits that keep the user's formatting and comments (jsonc-parser's `modify`).
 */
import { applyEdits, findNodeAtLocation, modify, parseTree, type Edit, type FormattingOptions, type Node } from 'jsonc-parser';
import type { ParsedJson } from '../document/parse';
import type { JsonChange } from '../rules/types';
import type { JsonPath, Range } from '../types';

/** An LSP text edit. */
export interface TextEdit {
  range: Range;
  newText: string;
}

/** Indentation as the document already uses it, so inserted text looks like the rest. */
export function detectFormatting(text: string): FormattingOptions {
  const m = /\n([ \t]+)["}\]]/.exec(text);
  const indent = m?.[1] ?? '  ';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  if (indent.startsWith('\t')) return { insertSpaces: false, tabSize: 4, eol };
  return { insertSpaces: true, tabSize: Math.min(Math.max(indent.length, 1), 8), eol };
}

/** Offset edits for a list of changes, each computed against the text as changed by the ones before it. */
export function changesToText(json: ParsedJson, changes: JsonChange[]): string {
  let text = json.text;
  const formattingOptions = detectFormatting(text);
  for (const change of changes) {
    let edits: Edit[];
    if ('text' in change) {
      edits = [change.text];
    } else if ('rename' in change) {
      const property = nodeAt(text, change.path)?.parent;
      const key = property?.type === 'property' ? property.children?.[0] : undefined;
      if (!key) continue;
      edits = [{ offset: key.offset, length: key.length, content: JSON.stringify(change.rename) }];
    } else if ('remove' in change) {
      edits = removalEdits(text, change.path);
    } else {
      edits = modify(text, change.path, change.value, { formattingOptions });
    }
    text = applyEdits(text, edits);
  }
  return text;
}

/** The node at `path` in `text` (as changed by earlier changes of the same fix). */
function nodeAt(text: string, path: JsonPath): Node | undefined {
  const tree = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  return tree ? findNodeAtLocation(tree, path) : undefined;
}

/**
 * Removes a member or list item as a plain deletion, so the lines around it keep their layout (jsonc-parser's
 * `modify` would re-format the enclosing object). The separator goes with it: the one after the item, or for
 * the last item the one before it.
 */
function removalEdits(text: string, path: JsonPath): Edit[] {
  const node = path.length > 0 ? nodeAt(text, path) : undefined;
  if (!node?.parent) return [];
  const item = node.parent.type === 'property' ? node.parent : node;
  const siblings = item.parent?.children ?? [item];
  const i = siblings.indexOf(item);
  const end = (n: Node): number => n.offset + n.length;
  if (i < siblings.length - 1) return [{ offset: item.offset, length: siblings[i + 1].offset - item.offset, content: '' }];
  if (i > 0) return [{ offset: end(siblings[i - 1]), length: end(item) - end(siblings[i - 1]), content: '' }];
  return [{ offset: item.offset, length: item.length, content: '' }];
}

/**
 * One edit that turns `before` into `after`, trimmed to the part that differs, so an editor moves nothing
 * outside the change.
 */
export function minimalEdit(json: ParsedJson, after: string): TextEdit | undefined {
  const before = json.text;
  if (before === after) return undefined;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) {
    endBefore--;
    endAfter--;
  }
  return { range: json.rangeAt(start, endBefore - start), newText: after.slice(start, endAfter) };
}
