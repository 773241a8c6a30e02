/**
 * An analysed document: the parse and the classification, computed once per text. Hover, completion, code
 * actions and lint all take one of these, so one document version is parsed once.
 */
import { classifyValue } from './classify';
import { ParsedJson } from './parse';
import type { DocumentKind, JsonPath, KindOption } from './types';
import { isObj } from './values';

/** One ECS object inside a document: the whole document, or one entry of describe output. */
export interface EcsTarget {
  kind: 'task-definition' | 'service';
  value: Record<string, unknown>;
  /** Where the object sits in the document. */
  at: JsonPath;
}

export class EcsDocument {
  readonly json: ParsedJson;
  readonly kind: DocumentKind;
  readonly targets: EcsTarget[];

  constructor(readonly text: string, kindOption: KindOption = 'auto') {
    this.json = new ParsedJson(text);
    const value = this.json.value;
    this.kind = kindOption === 'auto' ? classifyValue(value) : kindOption;
    this.targets = findTargets(this.kind, value);
  }

  /** True for the kinds that get ECS diagnostics. */
  get isEcs(): boolean {
    return this.kind !== 'none';
  }
}


function findTargets(kind: DocumentKind, value: unknown): EcsTarget[] {
  if (!isObj(value)) return [];
  switch (kind) {
    case 'task-definition':
      return [{ kind: 'task-definition', value, at: [] }];
    case 'service':
      return [{ kind: 'service', value, at: [] }];
    case 'task-definition-describe':
      return isObj(value.taskDefinition) ? [{ kind: 'task-definition', value: value.taskDefinition, at: ['taskDefinition'] }] : [];
    case 'services-describe':
      if (Array.isArray(value.services)) {
        return value.services.flatMap((s, i) => (isObj(s) ? [{ kind: 'service' as const, value: s, at: ['services', i] }] : []));
      }
      return isObj(value.service) ? [{ kind: 'service', value: value.service, at: ['service'] }] : [];
    case 'none':
      return [];
  }
}

/** A label for status bars and reports. */
export function kindLabel(kind: DocumentKind): string {
  return {
    'task-definition': 'ECS task definition',
    service: 'ECS service',
    'task-definition-describe': 'ECS task definition (describe output)',
    'services-describe': 'ECS services (describe output)',
    none: 'Not ECS',
  }[kind];
}
