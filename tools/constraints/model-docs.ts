/**
 * The member documentation of the installed @aws-sdk/client-ecs, keyed `Shape.member`. The runtime schemas carry
 * no documentation, so it is read from the JSDoc comments of `dist-types/models/models_*.d.ts` with the
 * TypeScript parser (a line regex would miss members whose type spans lines and the members of unions).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import ts from 'typescript';

const require = createRequire(__filename);

/** The directory of the SDK's model declarations. */
export function modelTypesDir(): string {
  return join(dirname(require.resolve('@aws-sdk/client-ecs/package.json')), 'dist-types', 'models');
}

function jsDocText(node: ts.Node): string {
  return ts
    .getJSDocCommentsAndTags(node)
    .filter(ts.isJSDoc)
    .map((d) => (typeof d.comment === 'string' ? d.comment : (d.comment ?? []).map((part) => part.getText()).join('')))
    .join('\n');
}

/** `Shape.member` → the member's documentation, as the SDK ships it (HTML). */
export function readMemberDocs(dir = modelTypesDir()): Map<string, string> {
  const docs = new Map<string, string>();
  for (const file of readdirSync(dir).filter((f) => /^models_\d+\.d\.ts$/.test(f))) {
    const source = ts.createSourceFile(file, readFileSync(join(dir, file), 'utf8'), ts.ScriptTarget.Latest, true);
    source.forEachChild((node) => {
      if (ts.isInterfaceDeclaration(node)) {
        for (const m of node.members) {
          if (m.name && ts.isIdentifier(m.name)) docs.set(`${node.name.text}.${m.name.text}`, jsDocText(m));
        }
      }
      // A Smithy union is declared as a namespace of one interface per member (`NvidiaMpsMember { nvidiaMps: … }`);
      // the member's documentation sits on that interface.
      if (ts.isModuleDeclaration(node) && node.body && ts.isModuleBlock(node.body)) {
        for (const s of node.body.statements) {
          if (!ts.isInterfaceDeclaration(s) || !s.name.text.endsWith('Member') || s.name.text === '$UnknownMember') continue;
          const first = s.members[0];
          if (first?.name && ts.isIdentifier(first.name)) docs.set(`${node.name.text}.${first.name.text}`, jsDocText(s));
        }
      }
    });
  }
  return docs;
}
