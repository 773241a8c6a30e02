/**
 * Which sentences state a constraint. A sentence is a constraint when it has a strong cue (must, only, not
 * supported, required, a limit, a range, valid values, "can't be used with", …), or when it names a platform
 * (Fargate, Windows, external instances, Managed Instances, EC2) together with a weak cue ("supported",
 * "ignored", …). Sentences that only explain (links, Docker mappings, examples, recommendations, the console)
 * are dropped first. The cue names are reported with each sentence so a reviewer sees why it was picked.
 */

export type Cue =
  | 'must'
  | 'required'
  | 'only'
  | 'unsupported'
  | 'cannot'
  | 'values'
  | 'limit'
  | 'range'
  | 'length'
  | 'unique'
  | 'exclusive'
  | 'reserved'
  | 'fails'
  | 'platform';

/** A cue is a pattern, or a test for cues that a regular expression cannot say without false hits. */
type Test = RegExp | ((s: string) => boolean);

/** Counts matches of `re` that `unless` does not also match at the same place. */
function countUnless(s: string, re: RegExp, unless: RegExp): boolean {
  const all = s.match(re)?.length ?? 0;
  const excluded = s.match(unless)?.length ?? 0;
  return all > excluded;
}

/** A sentence that defines a member ("The percentage of healthy tasks that … must reach …"). */
const DEFINITION = /^(?:The|A|An) (?:number|percentage|amount|exact value|period|value|time)\b/i;

const STRONG: Array<[Cue, Test]> = [
  // "must", but not in the relative clause of a definition ("The number of checks that a target must pass").
  ['must', (s) => (DEFINITION.test(s) ? countUnless(s, /\bmust\b/gi, /\bthat\s+(?:[\w'`/]+\s+){0,4}must\b/gi) : /\bmust\b/i.test(s))],
  // "requires" also catches agent and platform version requirements ("requires Linux platform 1.4.0");
  // "isn't required" and the "Required: No" of an option list state the absence of a constraint.
  ['required', /(?<!(?:isn't|not|aren't) )\brequired\b(?!: No)|\brequires\b|(?<!n't |not )\bneeds? to (?:specify|be|have|use)\b/i],
  // "only", but not "read-only" and not "not only".
  ['only', /(?<!read-|not )\bonly\b/i],
  [
    'unsupported',
    /(?:\bnot|n't|\bno longer)\s+(?:be\s+)?(?:supported|available|valid|allowed|compatible|applicable)\b|\bunsupported\b|\b(?:doesn't|don't|does not|do not) support\b/i,
  ],
  // "can't"/"cannot", but not in a condition ("if the service can't reach a steady state"); "do not specify"
  // as an instruction, but not "If you do not specify a value, …" (which states a default); "should not".
  [
    'cannot',
    (s) =>
      countUnless(s, /\b(?:can't|cannot|can not|must not)\b/gi, /\b(?:if|when)\s+(?:[\w'`]+\s+){0,3}(?:can't|cannot|can not)\b/gi) ||
      /\bshould (?:not|be omitted)\b|\bshouldn't\b/i.test(s) ||
      /(?:^|[,;:]\s*|^You\s+|\bso\s+)(?:do not|don't) (?:specify|use|set|include|attempt|add|start)\b/i.test(s),
  ],
  ['values', /\b(?:valid|supported|allowed|accepted|possible) (?:[\w-]+ ){0,2}(?:values?|types|drivers|names|characters)\b|\bavailable (?:[\w`-]+ ){0,2}(?:values|types) (?:are|is)\b|\bin (?:\d+ \w+ )?increments\b|\bcharacters (?:can|must) include\b|\bcan (?:include|contain) (?:only )?(?:lowercase|uppercase|letters|numbers)\b|\bone of the following values\b|\b(?:be|use) one of the following\b|\b(?:multiples?|increments?) of\b|\bonly valid value\b|\bare allowed\b/i],
  // "minimum"/"maximum" only with a number after it: "a maximum of 10", not "the minimum healthy percent".
  ['limit', /\b(?:at most|at least|no more than|fewer than|up to (?:\d[\d,]*|one|two|three|four|five|ten)|greater than|less than|more than \d|exceeds?)\b|\ba limit of \d|\b(?:minimum|maximum|max|min)\b(?!-)(?=[^.]*\d)/i],
  // "between 2 and 120", "2-120 seconds", "from 0 to 100"; version numbers (1.26.0-1) have a second dot.
  ['range', /\bbetween\s+`?-?\d[\d,]*(?:\.\d+)?`?(?:\s*[A-Za-z]{1,5})?(?:\s*\([^)]*\))?\s+and\s+`?\d|(?<![\d.])\b\d[\d,]*(?:\.\d+)?\s*(?:-|–|to)\s*\d[\d,]*(?:\.\d+)?\s*(?:seconds|minutes|hours|days|characters|percent|%|GiB|MiB|IOPS)?(?![\d.])|\bfrom\s+\d[\d.]*\s+(?:to|through)\s+\d/i],
  ['length', /\b\d+\s+(?:\w+\s+)?characters\b|\bcharacters? (?:long|in length)\b/i],
  ['unique', /\bunique\b/i],
  ['exclusive', /\bmutually exclusive\b|\bnot both\b|\bexclusive with\b/i],
  ['reserved', /\breserved (?:ports?|tags?|prefix(?:es)?|names?|words?)\b|\bare reserved\b/i],
  // What happens when a constraint is broken: the request is rejected or the task fails later.
  ['fails', /\bwill fail\b|\bfail to start\b|\beventually fails\b|\b(?:is|are) rejected\b|\bclient exception\b|\breturns? an? (?:error|exception)\b/i],
];

/** Words that make a platform mention a constraint ("isn't supported on Fargate" is caught by STRONG already). */
const WEAK = /\b(?:supported|supports?|applies|apply|ignored|valid)\b|\b(?:is|are) available (?:for|on|only)\b|\bcan be used\b/i;

const PLATFORM = /\b(?:Fargate|Windows|external instances?|EXTERNAL|ECS Anywhere|Managed Instances|MANAGED_INSTANCES|EC2 launch type|EC2 instances?|Linux)\b/;

/**
 * Sentences that explain rather than constrain: where to read more, which Docker option a member maps to,
 * worked examples, recommendations, what the console shows, behaviour by agent release and the "best suited
 * for" scenarios of a deployment type. Checked before the cues: "For example, … must …" is not a rule.
 */
const EXPLANATION: RegExp[] = [
  /^For (?:more )?information\b/i,
  /^For information\s?about\b/i,
  /^(?:This parameter|It) maps (?:to|1:1)\b/i,
  /^For example\b/i,
  /^(?:We|Amazon ECS) (?:strongly )?recommends?\b/i,
  /^(?:As a|A) best practice\b/i,
  /\b(?:Management Console|ECS console)\b/,
  /^If you're using (?:the|an) Amazon ECS-optimized\b/i,
  /\bare launched from (?:the Amazon ECS-optimized AMI )?version `?\d{8}`? or later\b/i,
  /^To check the Docker Remote API version\b/i,
  /^Agent versions (?:less|greater) than\b/i,
  /\bpassed to Docker as\b/i,
  /\bbest suited\b/i,
  /\bdetermines whether\b/i,
  /^[A-Z][\w /-]{2,40}: (?:You|When|Your)\b/,
  /\b(?:tasks )?launche[sd]? after (?:the|you) update\b/i,
];

/** The cues of a sentence, or an empty list when it states no constraint. */
export function constraintCues(sentence: string): Cue[] {
  if (EXPLANATION.some((re) => re.test(sentence))) return [];
  const cues: Cue[] = STRONG.filter(([, t]) => (typeof t === 'function' ? t(sentence) : t.test(sentence))).map(([c]) => c);
  if (PLATFORM.test(sentence) && (cues.length || WEAK.test(sentence))) cues.push('platform');
  return cues;
}
