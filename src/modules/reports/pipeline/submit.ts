import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { AuditLog } from '../../../platform/audit/index.ts';
import type { JobQueue } from '../../../platform/jobs/index.ts';
import { ReportRejected, type Channel, type ContractorDispatch, type LocateResult, type NewReport, type ReportPipeline, type Reporter } from '../contracts.ts';
import { checkAnswers } from '../categories/answers.ts';
import { assess } from '../categories/assessment.ts';
import type { Locator } from '../location/locator.ts';
import { confirmation, subscribed, type AboutReport } from '../notifications/messages.ts';
import { addSubscription, channelsOf, type Channels, type SubscriberNotifier } from '../notifications/subscribers.ts';
import { insertReport } from './store.ts';
import type { ReportTokens } from '../notifications/tokens.ts';
import { newReportReference } from '../reference.ts';
import { isOpen } from '../states.ts';
import type { Db } from '../../../platform/db/database.ts';
import { reportsDb } from '../tables.ts';
import type { ResponseTemplates } from '../updates/templates.ts';
import { ASK_IF_FIXED_JOB, ASK_AFTER_DAYS } from '../feedback/ask-if-fixed.ts';
import { checkInput, checkReporter, type CheckedReporter } from './input.ts';

export interface PipelineDeps {
  db: Db;
  locator: Locator;
  templates: ResponseTemplates;
  subscribers: SubscriberNotifier;
  tokens: ReportTokens;
  audit: AuditLog;
  jobs: JobQueue;
  councilName: string;
  /** Asked at each submit, so the integrations module can wire its dispatch in after this was made. */
  dispatch: () => ContractorDispatch;
}

const DAY_MS = 24 * 3600 * 1000;

/** The one way in for every report: web, staff, phone and Open311 all come through here. */
export class Pipeline implements ReportPipeline {
  constructor(private readonly deps: PipelineDeps) {}

  locate(categoryCode: string, lon: number, lat: number, assetId?: string): Promise<LocateResult> {
    return this.deps.locator.locate(categoryCode, lon, lat, assetId);
  }

  /**
   * Checks everything it can before the transaction, then stores the report, its first update,
   * the reporter's subscription and confirmation, the "has it been fixed?" job, the contractor
   * dispatch and the audit entry in one transaction: all of them, or none.
   */
  async submit(input: NewReport): Promise<{ id: string; reference: string }> {
    const { db } = this.deps;
    const { description, locationDescription, reporter } = checkInput(input);
    const placement = await this.deps.locator.place(input.categoryCode, input.lon, input.lat, input.assetId);
    const { category, result } = placement;
    if (result.responsibility !== 'council') throw new ReportRejected('location', result.responsibleMessage ?? 'This is not the council’s to fix');
    const answers = checkAnswers(category.questions, input.answers);
    const assessment = assess(category, answers);
    await this.checkStaffAndPhotos(input);
    const firstText = await this.deps.templates.textFor(category.code, 'open');
    const createdAt = new Date();

    const subscription = reporter.userId || reporter.email || reporter.phone ? { id: randomUUID(), userId: reporter.userId, email: reporter.userId ? null : reporter.email, phone: reporter.userId ? null : reporter.phone } : null;
    const channels = subscription ? await this.confirmationChannels(reporter) : null;
    const emergencyPhone = assessment.dangerous ? category.emergencyPhone : null;
    const values = {
      category_code: category.code,
      priority: assessment.priority,
      lon: placement.point[0],
      lat: placement.point[1],
      ward_code: result.ward?.code ?? null,
      usrn: placement.usrn === null ? null : Number(placement.usrn),
      asset_id: placement.asset?.id ?? null,
      description,
      location_description: locationDescription,
      answers: JSON.stringify(answers),
      photo_file_ids: input.photoFileIds,
      reporter_user_id: reporter.userId,
      reporter_name: reporter.name,
      reporter_email: reporter.email,
      reporter_phone: reporter.phone,
      show_name: reporter.showName,
      channel: input.channel,
      staff_id: input.staffId ?? null,
      open311_client_id: input.open311ClientId ?? null,
      created_at: createdAt,
      due_at: new Date(createdAt.getTime() + assessment.dueInHours * 3600 * 1000),
    };
    const first = { text: firstText, authorKind: authorOf(input), authorId: input.staffId ?? input.open311ClientId ?? reporter.userId };

    return db.transaction().execute(async (trx) => {
      let report: { id: string; reference: string } | undefined;
      // Seven random characters give 17 billion references; a clash is rare, so simply draw again.
      for (let attempt = 0; attempt < 5 && !report; attempt++) {
        const reference = newReportReference();
        const id = await insertReport(trx, { ...values, reference }, first, subscription && { ...subscription, tokenHash: this.deps.tokens.unsubscribeHash(subscription.id) });
        if (id) report = { id, reference };
      }
      if (!report) throw new Error('Could not find an unused report reference');
      if (subscription && channels) {
        const about: AboutReport = { reference: report.reference, categoryName: category.name, place: result.street?.name ?? locationDescription };
        await this.deps.subscribers.sendTo(trx, report, subscription.id, channels, (links) => confirmation(about, this.deps.councilName, emergencyPhone, { ...links, track: `${links.report}?token=${this.deps.tokens.reporter.tokenFor(about.reference)}` }));
      }
      await this.deps.jobs.send(trx, ASK_IF_FIXED_JOB, { reportId: report.id }, { startAfter: new Date(createdAt.getTime() + ASK_AFTER_DAYS * DAY_MS) });
      await this.deps.dispatch().enqueue(trx, report.id);
      // Last, because the audit log's lock is held until commit and every report waits for it.
      await this.deps.audit.record(
        {
          actorId: input.staffId ?? reporter.userId,
          action: 'reports.created',
          subjectType: 'report',
          subjectId: report.id,
          details: { reference: report.reference, category: category.code, channel: input.channel, priority: assessment.priority, open311Client: input.open311ClientId ?? null },
        },
        trx,
      );
      return report;
    });
  }

  /** "This is my problem too": updates to this person as well, instead of a second report. */
  async subscribe(reportId: string, subscriber: Reporter, takenBy?: { staffId: string; channel: Channel }): Promise<void> {
    const person = checkReporter(subscriber);
    if (!person.userId && !person.email && !person.phone) throw new ReportRejected('email', 'Enter an email address or a mobile phone number so we can send you updates');
    if (person.userId && !(await this.deps.db.selectFrom('users').select('id').where('id', '=', person.userId).executeTakeFirst())) throw new ReportRejected('reporter', 'The account is not known');
    await this.deps.db.transaction().execute(async (trx) => {
      const report = await reportsDb(trx).selectFrom('reports').innerJoin('report_categories as c', 'c.code', 'reports.category_code').select(['reports.id', 'reference', 'state', 'hidden', 'c.name as category_name', 'location_description']).where('reports.id', '=', reportId).executeTakeFirst();
      if (!report || report.hidden) throw new ReportRejected('report', 'This report could not be found');
      if (!isOpen(report.state)) throw new ReportRejected('report', 'This report is closed, so it will not have more updates');
      const subscription = await addSubscription(trx, this.deps.tokens, randomUUID(), report.id, person);
      if (!subscription.added) return;
      const about: AboutReport = { reference: report.reference, categoryName: report.category_name, place: report.location_description };
      await this.deps.subscribers.send(trx, report, (links) => subscribed(about, links), { only: subscription.id });
      await this.deps.audit.record(
        takenBy
          ? { actorId: takenBy.staffId, action: 'reports.caller_subscribed', subjectType: 'report', subjectId: report.id, details: { reference: report.reference, channel: takenBy.channel } }
          : { actorId: person.userId, action: 'reports.subscribed', subjectType: 'report', subjectId: report.id, details: { reference: report.reference } },
        trx,
      );
    });
  }

  /** How the reporter hears from us: their account's preferences when signed in, else the contact they gave. Refuses an unknown account. */
  private async confirmationChannels(reporter: CheckedReporter): Promise<Channels> {
    if (!reporter.userId) return channelsOf({ user_id: null, email: reporter.email, phone: reporter.phone, account_email: null, account_phone: null, notify_email: null, notify_sms: null });
    const user = await this.deps.db.selectFrom('users').select(['email', 'phone', 'notify_email', 'notify_sms']).where('id', '=', reporter.userId).executeTakeFirst();
    if (!user) throw new ReportRejected('reporter', 'The account is not known');
    return channelsOf({ user_id: reporter.userId, email: null, phone: null, account_email: user.email, account_phone: user.phone, notify_email: user.notify_email, notify_sms: user.notify_sms });
  }

  /** The member of staff and the photos a report names must exist (the database would refuse them, less kindly). */
  private async checkStaffAndPhotos(input: Pick<NewReport, 'photoFileIds' | 'staffId'>): Promise<void> {
    const { db } = this.deps;
    if (input.staffId && !(await db.selectFrom('users').select('id').where('id', '=', input.staffId).executeTakeFirst())) {
      throw new ReportRejected('staffId', 'The member of staff is not known');
    }
    if (input.photoFileIds.length) {
      // The files table belongs to the platform's file storage, which declares no Kysely types for it.
      const found = await sql<{ id: string }>`select id from files where id = any(${input.photoFileIds}::uuid[])`.execute(db);
      if (found.rows.length !== new Set(input.photoFileIds).size) throw new ReportRejected('photos', 'A photo could not be found: upload it again');
    }
  }
}

function authorOf(input: NewReport): 'staff' | 'open311' | 'resident' {
  if (input.staffId) return 'staff';
  return input.channel === 'open311' ? 'open311' : 'resident';
}
