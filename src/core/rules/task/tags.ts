/**
 * Resource tags of task definitions and services (the same Tag shape on both): the reserved aws: prefix,
 * repeated keys and the characters tags may use.
 */
import type { JsonPath } from '../../types';
import type { Rule } from '../types';
import { DOCS, hasReservedTagPrefix, RESERVED_TAG_PREFIX, TAG_CHARACTERS } from '../../facts';
import { entries, known, type Obj } from '../helpers';

/** What the tags belong to, for messages. */
function owner(kind: string): string {
  return kind === 'service' ? 'the service' : 'the task definition';
}

/** Each tag's key and value, when they are strings that can be judged now. */
function tags(o: Obj): Array<{ e: Obj; i: number; key?: string; value?: string }> {
  return entries(o, 'tags').map(({ e, i }) => ({ e, i, key: known(e.key), value: known(e.value) }));
}

const tagReservedPrefix: Rule = {
  id: 'tag-reserved-prefix',
  severity: 'error',
  appliesTo: ['task-definition', 'service'],
  title: 'Tag keys and values do not start with "aws:" (reserved for AWS)',
  docs: DOCS.tag,
  check(ctx) {
    for (const t of tags(ctx.target.value)) {
      for (const part of ['key', 'value'] as const) {
        const text = t[part];
        if (text === undefined || !hasReservedTagPrefix(text)) continue;
        ctx.report({
          path: ['tags', t.i, part],
          message: `The tag ${part} "${text}" of ${owner(ctx.target.kind)} starts with "${text.slice(0, RESERVED_TAG_PREFIX.length)}": tag keys and values beginning with "aws:" in any case are reserved for AWS, so ECS rejects the request. Choose another prefix (for example your company's name).`,
        });
      }
    }
  },
  fix(ctx) {
    const path = ctx.diagnostic.data?.path;
    // Dropping the tag loses it; renaming needs the user's choice: offered, never applied blindly.
    return Array.isArray(path) ? [{ title: 'Remove this tag', changes: [{ path: path.slice(0, -1), remove: true }], certain: false }] : undefined;
  },
};

const tagKeyDuplicate: Rule = {
  id: 'tag-key-duplicate',
  severity: 'error',
  appliesTo: ['task-definition', 'service'],
  title: 'Each tag key appears once',
  docs: DOCS.tag,
  check(ctx) {
    const seen = new Map<string, { e: Obj; i: number }>();
    for (const t of tags(ctx.target.value)) {
      if (t.key === undefined) continue;
      const first = seen.get(t.key);
      if (!first) {
        seen.set(t.key, t);
        continue;
      }
      const same = JSON.stringify(first.e) === JSON.stringify(t.e);
      ctx.report({
        path: ['tags', t.i, 'key'],
        message: `The tag key "${t.key}" appears again (first as tag ${first.i + 1})${same ? ' with the same value' : ''}; a resource has one value per tag key, so ECS rejects the request instead of picking one. Keep one of them.`,
        data: { same },
      });
    }
  },
  fix(ctx) {
    const path = ctx.diagnostic.data?.path;
    if (!Array.isArray(path)) return undefined;
    // An exact repeat changes nothing when dropped; with another value, which one is meant is the user's call.
    return [{ title: 'Remove this repeated tag', changes: [{ path: path.slice(0, -1), remove: true }], certain: ctx.diagnostic.data?.same === true }];
  },
};

/** The first character a tag may not use, for the message. */
function badCharacter(text: string): string | undefined {
  return [...text].find((ch) => !TAG_CHARACTERS.test(ch));
}

const tagCharacters: Rule = {
  id: 'tag-characters',
  severity: 'warning',
  appliesTo: ['task-definition', 'service'],
  title: 'Tags use letters, digits, spaces and + - = . _ : / @',
  docs: DOCS.tag,
  check(ctx) {
    for (const t of tags(ctx.target.value)) {
      for (const part of ['key', 'value'] as const) {
        const text = t[part];
        if (text === undefined || TAG_CHARACTERS.test(text)) continue;
        const path: JsonPath = ['tags', t.i, part];
        ctx.report({
          path,
          message: `The tag ${part} "${text}" contains "${badCharacter(text)}"; tag keys and values may use letters, digits and spaces, and the characters + - = . _ : / @. ECS, or a service the tags propagate to, rejects other characters.`,
        });
      }
    }
  },
};

/** The tag rules; each looks at task definitions and services alike. */
export const resourceTagRules: Rule[] = [tagReservedPrefix, tagKeyDuplicate, tagCharacters];
