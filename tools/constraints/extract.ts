/**
 * The constraint sentences of the ECS API model: walks every shape that RegisterTaskDefinitionRequest,
 * CreateServiceRequest and UpdateServiceRequest reach (the same walk the schema generator makes), reads each
 * member's documentation from the SDK, splits it into sentences and keeps those that state a constraint.
 *
 * Run it to see what it finds: `npx tsx tools/constraints/extract.ts` lists every sentence with its cues;
 * `--uncovered` lists only the members no row of docs/constraints/inventory.json names; `--stats` the counts.
 */
import { loadSdkModel, type SdkModel } from '../sdk-model';
import { constraintCues, type Cue } from './cues';
import { readMemberDocs } from './model-docs';
import { toSentences } from './sentences';

/** The request shapes a task-definition or service file is the input of. */
export const ROOTS = ['RegisterTaskDefinitionRequest', 'CreateServiceRequest', 'UpdateServiceRequest'];

export interface ConstraintSentence {
  /** `Shape.member`, as the model names it. */
  member: string;
  sentence: string;
  cues: Cue[];
}

export interface Extraction {
  model: SdkModel;
  /** Every `Shape.member` reachable from ROOTS. */
  members: string[];
  /** Members the SDK ships no documentation for. */
  undocumented: string[];
  /** How many sentences the reachable documentation has in all. */
  sentenceCount: number;
  constraints: ConstraintSentence[];
}

export function extractConstraints(): Extraction {
  const model = loadSdkModel(ROOTS);
  const docs = readMemberDocs();
  const members: string[] = [];
  const undocumented: string[] = [];
  const constraints: ConstraintSentence[] = [];
  let sentenceCount = 0;
  for (const [shape, s] of model.shapes) {
    for (const name of Object.keys(s.members)) {
      const member = `${shape}.${name}`;
      members.push(member);
      const html = docs.get(member);
      if (!html) {
        undocumented.push(member);
        continue;
      }
      // The same sentence can appear twice in one member's documentation (a repeated platform note).
      const seen = new Set<string>();
      for (const sentence of toSentences(html)) {
        sentenceCount++;
        if (seen.has(sentence)) continue;
        seen.add(sentence);
        const cues = constraintCues(sentence);
        if (cues.length) constraints.push({ member, sentence, cues });
      }
    }
  }
  return { model, members, undocumented, sentenceCount, constraints };
}

/** How many constraint sentences carry each cue. */
export function cueCounts(constraints: ConstraintSentence[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const c of constraints) for (const cue of c.cues) counts[cue] = (counts[cue] ?? 0) + 1;
  return counts;
}

async function main(): Promise<void> {
  const x = extractConstraints();
  const flags = new Set(process.argv.slice(2));
  let list = x.constraints;
  if (flags.has('--uncovered')) {
    const { loadInventory } = await import('./inventory');
    const named = new Set(loadInventory().map((r) => r.member));
    list = list.filter((c) => !named.has(c.member));
  }
  if (!flags.has('--stats')) {
    let last = '';
    for (const c of list) {
      if (c.member !== last) console.log(`\n${c.member}`);
      last = c.member;
      console.log(`  [${c.cues.join(',')}] ${c.sentence}`);
    }
  }
  const withConstraints = new Set(list.map((c) => c.member)).size;
  console.log(
    `\n@aws-sdk/client-ecs ${x.model.version}: ${x.model.shapes.size} shapes, ${x.members.length} members (${x.undocumented.length} undocumented), ` +
      `${x.sentenceCount} sentences; ${list.length} constraint sentences in ${withConstraints} members`,
  );
  console.log(Object.entries(cueCounts(list)).map(([k, v]) => `${k} ${v}`).join(', '));
}

if (require.main === module) void main();
