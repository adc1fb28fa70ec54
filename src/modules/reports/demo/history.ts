import type { LonLat } from '../../../platform/geo/distance.ts';
import { lineLengthMetres, pointAlong } from '../../../platform/geo/distance.ts';
import { SeededRandom } from '../../../platform/geo/prng.ts';
import type { Channel, ReportState } from '../contracts.ts';
import { assess } from '../categories/assessment.ts';
import type { ReportCategory } from '../categories/catalogue.ts';
import { newReportReference } from '../reference.ts';
import type { UpdateAuthor } from '../tables.ts';
import type { ColumnSpec } from './bulk.ts';
import { demoAnswers } from './answers.ts';
import { demoDescription, demoReporter } from './people.ts';
import { MONTHLY_WEIGHT, REPORTS_PER_DAY, poisson } from './seasons.ts';
import { lifeOf, type Step } from './life.ts';

export const DEMO_HISTORY_SEED = 4_042_026;
const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;

export interface HistoryInputs {
  now: Date;
  days: number;
  categories: Pick<ReportCategory, 'code' | 'name' | 'defaultPriority' | 'standardResponseHours'>[];
  streets: { usrn: number; wardCode: string | null; geometry: LonLat[] }[];
  assets: { id: string; layer: 'streetlights' | 'gullies'; lon: number; lat: number; usrn: number | null }[];
  staffIds: string[];
  /** The response template's text for a category and state. */
  templateText: (categoryCode: string, state: ReportState) => string | null;
  seed?: number;
}

/** A report row as the seed inserts it (dates become ISO strings in JSON). */
export interface DemoReport {
  id: string;
  reference: string;
  category_code: string;
  state: ReportState;
  priority: string;
  lon: number;
  lat: number;
  ward_code: string | null;
  usrn: number;
  asset_id: string | null;
  description: string;
  answers: Record<string, unknown>;
  reporter_name: string;
  reporter_email: string | null;
  reporter_phone: string | null;
  show_name: boolean;
  channel: Channel;
  staff_id: string | null;
  open311_client_id: string | null;
  duplicate_of: string | null;
  created_at: Date;
  updated_at: Date;
  due_at: Date;
  fixed_at: Date | null;
  closed_at: Date | null;
  reopened_count: number;
  hidden: boolean;
  external_reference: string | null;
}

export const DEMO_REPORT_COLUMNS: readonly ColumnSpec[] = [
  ['id', 'uuid'], ['reference', 'text'], ['category_code', 'text'], ['state', 'text'], ['priority', 'text'], ['lon', 'float8'], ['lat', 'float8'],
  ['ward_code', 'text'], ['usrn', 'bigint'], ['asset_id', 'text'], ['description', 'text'], ['answers', 'jsonb'], ['reporter_name', 'text'],
  ['reporter_email', 'text'], ['reporter_phone', 'text'], ['show_name', 'boolean'], ['channel', 'text'], ['staff_id', 'uuid'], ['open311_client_id', 'text'],
  ['duplicate_of', 'uuid'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'], ['due_at', 'timestamptz'], ['fixed_at', 'timestamptz'],
  ['closed_at', 'timestamptz'], ['reopened_count', 'integer'], ['hidden', 'boolean'], ['external_reference', 'text'],
];

export interface DemoUpdate {
  report_id: string;
  visibility: 'public';
  from_state: ReportState | null;
  to_state: ReportState;
  text: string | null;
  author_kind: UpdateAuthor;
  author_id: string | null;
  external_update_id: string | null;
  created_at: Date;
  recorded_at: Date;
}

export const DEMO_UPDATE_COLUMNS: readonly ColumnSpec[] = [
  ['report_id', 'uuid'], ['visibility', 'text'], ['from_state', 'text'], ['to_state', 'text'], ['text', 'text'], ['author_kind', 'text'],
  ['author_id', 'text'], ['external_update_id', 'text'], ['created_at', 'timestamptz'], ['recorded_at', 'timestamptz'],
];

export interface History {
  reports: DemoReport[];
  updates: DemoUpdate[];
}

/**
 * Two years (or `days`) of the borough's reports, day by day: how many of each kind follows the
 * season, each is made on a real streetlight, gully or street, and each has lived the life its
 * priority gives it up to `now` (investigated, scheduled, fixed, or closed for a reason), with its
 * updates. Some repeat an open report on the same asset or street and are closed as duplicates.
 */
export function generateHistory(inputs: HistoryInputs): History {
  const random = new SeededRandom(inputs.seed ?? DEMO_HISTORY_SEED);
  const streets = inputs.streets.filter((s) => s.geometry.length > 1);
  const wardOf = new Map(streets.map((s) => [s.usrn, s.wardCode]));
  const byLayer = { streetlights: inputs.assets.filter((a) => a.layer === 'streetlights'), gullies: inputs.assets.filter((a) => a.layer === 'gullies') };
  const references = new Set<string>();
  const lastOpen = new Map<string, { id: string; reference: string; until: number }>();
  const history: History = { reports: [], updates: [] };
  const firstDay = Date.UTC(inputs.now.getUTCFullYear(), inputs.now.getUTCMonth(), inputs.now.getUTCDate()) - inputs.days * DAY;

  for (let day = 0; day <= inputs.days; day++) {
    const dayStart = firstDay + day * DAY;
    const month = new Date(dayStart).getUTCMonth();
    for (const category of inputs.categories) {
      const mean = (REPORTS_PER_DAY[category.code] ?? 0) * (MONTHLY_WEIGHT[category.code]?.[month] ?? 1);
      const count = poisson(mean, () => random.next());
      for (let i = 0; i < count; i++) {
        // Most reports come between 7 am and 10 pm.
        const created = new Date(dayStart + random.between(7, 22) * HOUR);
        if (created.getTime() > inputs.now.getTime()) continue;
        const where = place(random, category.code, streets, byLayer);
        if (!where) continue;
        const answers = demoAnswers(random, category.code);
        const assessment = assess(category, answers);
        const id = uuid(random);
        const reference = uniqueReference(random, references);
        const key = `${category.code}:${where.assetId ?? where.usrn}`;
        const earlier = lastOpen.get(key);
        const duplicateOf = earlier && earlier.until > created.getTime() && random.chance(0.6) ? earlier : undefined;
        const life = lifeOf(random, { created, now: inputs.now, dueInHours: assessment.dueInHours, categoryCode: category.code, answers, duplicate: duplicateOf !== undefined });
        if (!duplicateOf) lastOpen.set(key, { id, reference, until: (life.fixedAt ?? life.closedAt ?? inputs.now).getTime() });
        const reporter = demoReporter(random, history.reports.length + 1);
        const channel = pickChannel(random, inputs.staffIds.length > 0);
        const last = life.steps[life.steps.length - 1];
        history.reports.push({
          id,
          reference,
          category_code: category.code,
          state: life.state,
          priority: assessment.priority,
          lon: where.point[0],
          lat: where.point[1],
          ward_code: wardOf.get(where.usrn) ?? null,
          usrn: where.usrn,
          asset_id: where.assetId,
          description: demoDescription(random, category.code, Object.values(answers)[0]),
          answers,
          reporter_name: reporter.name,
          reporter_email: reporter.email,
          reporter_phone: reporter.phone,
          show_name: reporter.showName,
          channel,
          staff_id: channel === 'phone' || channel === 'assisted' ? random.pick(inputs.staffIds) : null,
          open311_client_id: channel === 'open311' ? 'fixmystreet' : null,
          duplicate_of: duplicateOf?.id ?? null,
          created_at: created,
          updated_at: last?.at ?? created,
          due_at: new Date(created.getTime() + assessment.dueInHours * HOUR),
          fixed_at: life.fixedAt,
          closed_at: life.closedAt,
          reopened_count: life.reopened ? 1 : 0,
          hidden: random.chance(0.003),
          external_reference: life.steps.some((s) => s.to === 'action_scheduled') ? `JOB-${random.int(100_000, 999_999)}` : null,
        });
        history.updates.push(
          { report_id: id, visibility: 'public', from_state: null, to_state: 'open', text: inputs.templateText(category.code, 'open'), author_kind: channel === 'open311' ? 'open311' : 'resident', author_id: null, external_update_id: null, created_at: created, recorded_at: created },
          ...life.steps.map((step) => updateRow(random, id, step, category.code, inputs, duplicateOf?.reference)),
        );
      }
    }
  }
  return history;
}

function updateRow(random: SeededRandom, reportId: string, step: Step, categoryCode: string, inputs: HistoryInputs, originalReference: string | undefined): DemoUpdate {
  const byContractor = (step.to === 'action_scheduled' || step.to === 'in_progress' || step.to === 'fixed') && !step.byResident && random.chance(0.7);
  const text = step.byResident
    ? `Reopened by a resident: ${step.to === 'open' ? 'It has gone wrong again.' : ''}`.trim()
    : step.to === 'closed_duplicate' && originalReference
      ? `Someone has already reported this problem, as report ${originalReference}. We will deal with it under that report and you will get its updates.`
      : inputs.templateText(categoryCode, step.to);
  return {
    report_id: reportId,
    visibility: 'public',
    from_state: step.from,
    to_state: step.to,
    text,
    author_kind: step.byResident ? 'resident' : byContractor ? 'contractor' : 'staff',
    author_id: step.byResident ? null : byContractor ? 'demo-contractor' : (inputs.staffIds[0] ?? null),
    external_update_id: byContractor ? `demo-${random.int(1, 2 ** 31)}` : null,
    created_at: step.at,
    recorded_at: step.at,
  };
}

function place(random: SeededRandom, categoryCode: string, streets: HistoryInputs['streets'], byLayer: Record<'streetlights' | 'gullies', HistoryInputs['assets']>): { point: LonLat; usrn: number; assetId: string | null } | null {
  const layer = categoryCode === 'streetlight' ? byLayer.streetlights : categoryCode === 'blocked_drain' ? byLayer.gullies : null;
  if (layer) {
    if (layer.length === 0) return null;
    const asset = random.pick(layer);
    return asset.usrn === null ? null : { point: [asset.lon, asset.lat], usrn: asset.usrn, assetId: asset.id };
  }
  if (streets.length === 0) return null;
  const street = random.pick(streets);
  const [lon, lat] = pointAlong(street.geometry, random.between(0, lineLengthMetres(street.geometry)));
  return { point: [Math.round(lon * 1e7) / 1e7, Math.round(lat * 1e7) / 1e7], usrn: street.usrn, assetId: null };
}

function pickChannel(random: SeededRandom, haveStaff: boolean): Channel {
  const roll = random.next();
  if (roll < 0.68) return 'web';
  if (roll < 0.78) return 'open311';
  if (!haveStaff) return 'web';
  return roll < 0.93 ? 'phone' : 'assisted';
}

/** A version 4 UUID from the seeded generator, so the demo's ids are the same every time. */
function uuid(random: SeededRandom): string {
  const word = () => Math.floor(random.next() * 0x1_0000_0000).toString(16).padStart(8, '0');
  const h = word() + word() + word() + word();
  const variant = ((parseInt(h.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20)}`;
}

function uniqueReference(random: SeededRandom, used: Set<string>): string {
  for (;;) {
    const reference = newReportReference((max) => random.int(0, max - 1));
    if (used.has(reference)) continue;
    used.add(reference);
    return reference;
  }
}
