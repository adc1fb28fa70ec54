import type { Answers } from './contracts.ts';
import type { FormRegistry } from './definition/registry.ts';
import type { AssetLayers, FieldLookups, FieldRegistry } from './fields/index.ts';
import type { FieldContext } from './fields/types.ts';
import type { DraftService } from './drafts/service.ts';
import type { SubmissionService } from './submissions/service.ts';

/** The forms engine's parts, made once per platform in the module's setUp. */
export interface FormsEngine {
  registry: FormRegistry;
  fields: FieldRegistry;
  /** Asset layers for `asset` fields; modules that own assets add theirs. */
  assets: AssetLayers;
  submissions: SubmissionService;
  drafts: DraftService;
  lookups: FieldLookups;
  /** "Stockport", for "Enter a postcode in Stockport". */
  areaName: string;
  /** Today in the council's time zone; tests set the clock. */
  today(): string;
}

export function fieldContext(engine: Pick<FormsEngine, 'lookups' | 'areaName' | 'today'>, answers: Answers): FieldContext {
  return { answers, today: engine.today(), lookups: engine.lookups, areaName: engine.areaName };
}
