import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LightMyRequestResponse } from 'fastify';
import { createTestPlatform, type TestPlatform } from '../../../support/platform.ts';
import type { TestClient } from '../../../support/client.ts';
import { SESSION_COOKIE } from '../../../../src/platform/http/session.ts';
import { multipartBody } from '../../../../src/platform/files/samples.ts';
import type { Answers, SubmissionRecord, TargetDefinition } from '../../../../src/modules/forms/contracts.ts';
import type { DeliveryTables } from '../../../../src/modules/forms/delivery/tables.ts';
import { verify } from '../../../../src/platform/webhooks/signature.ts';

/** The platform, with the forms module as src/modules/index.ts lists it. */
export async function formsPlatform(env: Record<string, string> = {}): Promise<TestPlatform> {
  return createTestPlatform({ STAFF_2FA: 'optional', ...env });
}

/** Posts a multipart form as the browser would from the last page (its CSRF token unless `csrf: false`). */
export async function postMultipart(
  t: TestPlatform,
  client: TestClient,
  url: string,
  fields: Record<string, string>,
  files: { field: string; name: string; bytes: Buffer }[] = [],
  opts: { csrf?: boolean } = {},
): Promise<LightMyRequestResponse> {
  const token = client.csrfToken();
  const { payload, contentType } = multipartBody({ ...(opts.csrf !== false && token ? { _csrf: token } : {}), ...fields }, files);
  const session = client.cookie(SESSION_COOKIE);
  return t.app.inject({ method: 'POST', url, payload, headers: { 'content-type': contentType, ...(session && { cookie: `${SESSION_COOKIE}=${session}` }) } });
}

export async function waitFor<T>(check: () => Promise<T | undefined>, ms = 20_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}

let forms = 0;

/** A stored form version and one submission of it, as the engine would store them. */
export async function storeSubmission(
  t: TestPlatform,
  options: { targets?: TargetDefinition[]; answers?: Answers; userId?: string | null; contact?: SubmissionRecord['contact']; formId?: string } = {},
): Promise<SubmissionRecord> {
  forms += 1;
  const formId = options.formId ?? `test-form-${forms}`;
  const db = t.platform.services.db.withTables<DeliveryTables & { form_versions: { form_id: string; version: number; definition: string; source: string } }>();
  await db
    .insertInto('form_versions')
    .values({ form_id: formId, version: 1, definition: JSON.stringify(definitionFor(formId, options.targets ?? [])), source: 'repo' })
    .onConflict((oc) => oc.doNothing())
    .execute();
  const submission: SubmissionRecord = {
    id: randomUUID(),
    reference: `T${String(forms).padStart(3, '0')}-${randomUUID().slice(0, 4).toUpperCase()}`,
    formId,
    formVersion: 1,
    formTitle: 'Report a missed bin',
    answers: options.answers ?? { binType: 'recycling', items: [{ item: 'Sofa' }, { item: 'Fridge' }], details: '=SUM(A1)' },
    channel: 'online',
    userId: options.userId ?? null,
    staffId: null,
    contact: options.contact ?? { name: 'Ada Lovelace', email: 'ada@example.org' },
    submittedAt: new Date(),
  };
  await t.platform.services.db
    .withTables<{ form_submissions: Record<string, unknown> }>()
    .insertInto('form_submissions')
    .values({
      id: submission.id,
      reference: submission.reference,
      form_id: formId,
      form_version: 1,
      form_title: submission.formTitle,
      answers: JSON.stringify(submission.answers),
      channel: submission.channel,
      user_id: submission.userId,
      staff_id: null,
      contact: JSON.stringify(submission.contact),
      submitted_at: submission.submittedAt,
    })
    .execute();
  return submission;
}

export function definitionFor(formId: string, targets: TargetDefinition[]): Record<string, unknown> {
  return {
    id: formId,
    title: 'Report a missed bin',
    version: 1,
    start: { paragraphs: ['Tell us about a bin we did not empty.'] },
    pages: [
      { id: 'bin', fields: [{ type: 'text', name: 'binType', label: 'Which bin was missed?' }] },
      {
        id: 'items',
        title: 'What was not collected?',
        fields: [{ type: 'add-another', name: 'items', label: 'Items not collected', itemName: 'item', optional: true, fields: [{ type: 'text', name: 'item', label: 'Item' }] }],
      },
      { id: 'details', fields: [{ type: 'textarea', name: 'details', label: 'Anything else we should know?', optional: true }] },
    ],
    targets,
    retention: { submissionDays: 365 },
  };
}

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: string;
  signatureValid: boolean;
}

/** A real HTTP server on 127.0.0.1 that checks signatures and answers with the statuses it is told. */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  /** Statuses to answer with, in turn; 200 once they run out. */
  answers: number[] = [];
  /** Milliseconds to wait before answering, to test timeouts. */
  delayMs = 0;
  private server?: Server;

  constructor(private readonly secret: string) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const header = String(req.headers['x-lastmile-signature'] ?? '');
        this.received.push({ headers: req.headers, body, signatureValid: verify(this.secret, body, header) });
        const status = this.answers.shift() ?? 200;
        setTimeout(() => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(status < 300 ? JSON.stringify({ reference: `CRM-${this.received.length}` }) : JSON.stringify({ error: `status ${status}` }));
        }, this.delayMs);
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    if (!address || typeof address === 'string') throw new Error('no address');
    return `http://127.0.0.1:${(address satisfies AddressInfo).port}/hooks/forms`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
