import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { Logger } from 'pino';
import { canonical, type AuditLog } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { FieldRegistry } from '../fields/index.ts';
import type { FormsDb, FormsTables } from '../tables.ts';
import type { Form } from './form.ts';
import { parseDefinition, type Parsed } from './parse.ts';
import { InvalidDefinitionError, type DefinitionProblem } from './types.ts';

export interface FormVersionInfo {
  version: number;
  source: 'repo' | 'staff';
  publishedBy: string | null;
  publishedAt: Date;
}

export type Published = { ok: true; form: Form } | { ok: false; problems: DefinitionProblem[] };

/** What another module needs of a form it relies on (report it's priority rules): problems refuse the publish. */
export type PublishCheck = (form: Form) => DefinitionProblem[] | Promise<DefinitionProblem[]>;

/**
 * Every form and every version of it. Versions are stored in form_versions and never change, so a
 * checked version is kept in memory once made; only "which is the latest" is asked of the database.
 */
export class FormRegistry {
  private readonly db: FormsDb;
  private readonly made = new Map<string, Form>();
  private readonly checks: PublishCheck[] = [];

  constructor(
    private readonly platformDb: Db,
    readonly fields: FieldRegistry,
    private readonly audit: Pick<AuditLog, 'record'>,
    private readonly log?: Pick<Logger, 'warn'>,
  ) {
    this.db = platformDb.withTables<FormsTables>();
  }

  /** Checks a definition without storing it (staff preview, tests). */
  parse(json: unknown): Parsed {
    return parseDefinition(json, this.fields);
  }

  /**
   * Loads the repository's forms (each folder's *.json), storing each version not stored yet.
   * A version already stored with other content is refused, unless staff published that number:
   * then theirs stands and the file is passed over with a warning.
   */
  async loadFolders(folders: string[]): Promise<Form[]> {
    const loaded: Form[] = [];
    for (const folder of folders) {
      if (!existsSync(folder)) continue;
      for (const file of readdirSync(folder).filter((f) => f.endsWith('.json')).sort()) {
        const source = path.join(folder, file);
        const json: unknown = JSON.parse(readFileSync(source, 'utf8'));
        const parsed = this.parse(json);
        if (!parsed.ok) throw new InvalidDefinitionError(source, parsed.problems);
        const stored = await this.storeRepoVersion(parsed.form, source);
        if (stored) loaded.push(stored);
      }
    }
    return loaded;
  }

  private async storeRepoVersion(form: Form, source: string): Promise<Form | undefined> {
    const { id, version } = form;
    await this.db
      .insertInto('form_versions')
      .values({ form_id: id, version, definition: JSON.stringify(form.definition), source: 'repo', published_by: null })
      .onConflict((oc) => oc.columns(['form_id', 'version']).doNothing())
      .execute();
    const row = await this.db.selectFrom('form_versions').select(['definition', 'source']).where('form_id', '=', id).where('version', '=', version).executeTakeFirstOrThrow();
    if (canonical(row.definition) === canonical(form.definition)) {
      this.made.set(key(id, version), form);
      return form;
    }
    if (row.source === 'staff') {
      this.log?.warn({ form: id, version, file: source }, 'staff published this version number; the repository file is passed over');
      return undefined;
    }
    throw new Error(`${source}: version ${version} of form "${id}" is already stored with different content; give the changed form a new version number`);
  }

  async latest(formId: string): Promise<Form | undefined> {
    const row = await this.db.selectFrom('form_versions').select((eb) => eb.fn.max('version').as('version')).where('form_id', '=', formId).executeTakeFirst();
    return row?.version ? this.version(formId, row.version) : undefined;
  }

  async version(formId: string, version: number): Promise<Form | undefined> {
    const known = this.made.get(key(formId, version));
    if (known) return known;
    const row = await this.db.selectFrom('form_versions').select('definition').where('form_id', '=', formId).where('version', '=', version).executeTakeFirst();
    if (!row) return undefined;
    const parsed = this.parse(row.definition);
    // A stored version passed these checks when it was stored; failing now means the engine changed under it.
    if (!parsed.ok) throw new InvalidDefinitionError(`form_versions ${formId} v${version}`, parsed.problems);
    this.made.set(key(formId, version), parsed.form);
    return parsed.form;
  }

  /** The latest version of every form, by title. */
  async all(): Promise<Form[]> {
    const rows = await this.db.selectFrom('form_versions').select(['form_id', (eb) => eb.fn.max('version').as('version')]).groupBy('form_id').execute();
    const forms = await Promise.all(rows.map((r) => this.version(r.form_id, r.version)));
    return forms.filter((f): f is Form => f !== undefined).sort((a, b) => a.title.localeCompare(b.title));
  }

  async versions(formId: string): Promise<FormVersionInfo[]> {
    const rows = await this.db.selectFrom('form_versions').select(['version', 'source', 'published_by', 'published_at']).where('form_id', '=', formId).orderBy('version', 'desc').execute();
    return rows.map((r) => ({ version: r.version, source: r.source, publishedBy: r.published_by, publishedAt: r.published_at }));
  }

  /** Adds a check every version staff publish must pass, besides the engine's own. */
  addPublishCheck(check: PublishCheck): void {
    this.checks.push(check);
  }

  /**
   * Checks and stores a new version published by staff. It takes the next version number whatever
   * the JSON says, so a published version never replaces one that submissions were made with.
   */
  async publish(json: unknown, staffId: string): Promise<Published> {
    const checked = this.parse(json);
    if (!checked.ok) return checked;
    const refused = (await Promise.all(this.checks.map((check) => check(checked.form)))).flat();
    if (refused.length > 0) return { ok: false, problems: refused };
    const formId = checked.form.id;
    const form = await this.platformDb.transaction().execute(async (trx) => {
      const forms = trx.withTables<FormsTables>();
      await sql`select pg_advisory_xact_lock(hashtext(${`forms:${formId}`}))`.execute(trx);
      const top = await forms.selectFrom('form_versions').select((eb) => eb.fn.max('version').as('version')).where('form_id', '=', formId).executeTakeFirst();
      const version = (top?.version ?? 0) + 1;
      const definition = { ...checked.form.definition, version };
      const parsed = this.parse(definition);
      if (!parsed.ok) throw new InvalidDefinitionError(`${formId} v${version}`, parsed.problems);
      await forms.insertInto('form_versions').values({ form_id: formId, version, definition: JSON.stringify(definition), source: 'staff', published_by: staffId }).execute();
      await this.audit.record({ actorId: staffId, action: 'forms.published', subjectType: 'form', subjectId: formId, details: { version } }, trx);
      return parsed.form;
    });
    this.made.set(key(form.id, form.version), form);
    return { ok: true, form };
  }
}

function key(formId: string, version: number): string {
  return `${formId}@${version}`;
}
