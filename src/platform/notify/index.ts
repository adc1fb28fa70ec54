import { NotifyClient } from 'notifications-node-client';
import type { Db, Executor } from '../db/database.ts';
import type { JobQueue } from '../jobs/index.ts';

export interface EmailMessage {
  to: string;
  subject: string;
  body: string;
  reference?: string;
}

export interface SmsMessage {
  to: string;
  body: string;
  reference?: string;
}

export interface NotifySettings {
  apiKey?: string;
  emailTemplateId?: string;
  smsTemplateId?: string;
}

const DELIVER = 'notify.deliver';

/**
 * Every message is written to `notify_messages` in the caller's transaction. With a GOV.UK Notify
 * key a job then sends it through Notify (one template with ((subject)) and ((body))); without
 * one the table is the outbox, shown at /dev/outbox.
 */
export class Notifier {
  private readonly client?: NotifyClient;

  constructor(
    private readonly db: Db,
    private readonly jobs: JobQueue,
    private readonly settings: NotifySettings,
  ) {
    if (settings.apiKey) this.client = new NotifyClient(settings.apiKey);
    jobs.define<{ messageId: string }>({ name: DELIVER, retryLimit: 8, retryDelay: 30, retryBackoff: true, handler: (d) => this.deliver(d.messageId) });
  }

  async email(executor: Executor, message: EmailMessage): Promise<string> {
    return this.store(executor, 'email', message.to, message.subject, message.body, message.reference);
  }

  async sms(executor: Executor, message: SmsMessage): Promise<string> {
    if (this.client && !this.settings.smsTemplateId) throw new Error('NOTIFY_SMS_TEMPLATE_ID is not set');
    return this.store(executor, 'sms', message.to, '', message.body, message.reference);
  }

  private async store(executor: Executor, channel: 'email' | 'sms', to: string, subject: string, body: string, reference?: string): Promise<string> {
    const row = await executor
      .insertInto('notify_messages')
      .values({ channel, recipient: to, subject, body, reference: reference ?? null, status: this.client ? 'queued' : 'outbox', notify_id: null, error: null, sent_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (this.client) await this.jobs.send(executor, DELIVER, { messageId: row.id });
    return row.id;
  }

  private async deliver(messageId: string): Promise<void> {
    const message = await this.db.selectFrom('notify_messages').selectAll().where('id', '=', messageId).executeTakeFirst();
    if (!message || message.status === 'sent' || !this.client) return;
    try {
      const personalisation = { subject: message.subject, body: message.body };
      const options = { personalisation, reference: message.reference ?? message.id };
      const response =
        message.channel === 'email'
          ? await this.client.sendEmail(this.settings.emailTemplateId ?? '', message.recipient, options)
          : await this.client.sendSms(this.settings.smsTemplateId ?? '', message.recipient, options);
      const notifyId = typeof response.data?.id === 'string' ? response.data.id : null;
      await this.db.updateTable('notify_messages').set({ status: 'sent', notify_id: notifyId, sent_at: new Date(), error: null }).where('id', '=', messageId).execute();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      await this.db.updateTable('notify_messages').set({ error: reason }).where('id', '=', messageId).execute();
      throw error;
    }
  }

  /** The latest messages, newest first (the local outbox page and tests read these). */
  async recent(limit = 50): Promise<{ id: string; channel: string; recipient: string; subject: string; body: string; status: string; created_at: Date }[]> {
    return this.db.selectFrom('notify_messages').select(['id', 'channel', 'recipient', 'subject', 'body', 'status', 'created_at']).orderBy('created_at', 'desc').limit(limit).execute();
  }
}
