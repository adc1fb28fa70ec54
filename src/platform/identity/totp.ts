import { authenticator } from 'otplib';
import QRCode from 'qrcode';
import type { Executor } from '../db/database.ts';
import type { Actor } from './accounts.ts';
import type { IdentityServices } from './registration.ts';

/** Accepts the code before and after the current one too, for clocks a little out of step. */
const STEP_SECONDS = 30;
const codes = authenticator.clone({ window: 1, step: STEP_SECONDS });

/** Column added by 002_totp_replay.sql, beyond the platform's shared table types. */
type TotpColumns = {
  users: { totp_last_step: number | null };
};

function withTotpColumns(db: Executor) {
  return db.withTables<TotpColumns>();
}

export function newTotpSecret(): string {
  return codes.generateSecret();
}

/** A QR code for authenticator apps, as inline SVG with a text alternative. */
export async function totpQrCode(secret: string, account: string, issuer: string): Promise<string> {
  const svg = await QRCode.toString(codes.keyuri(account, issuer, secret), { type: 'svg', margin: 2 });
  return svg.replace('<svg ', '<svg class="app-qr-code" role="img" aria-label="QR code to scan with your authenticator app" width="200" height="200" ');
}

/** Spaces and dashes are how apps display codes; people copy them as shown. */
export function normaliseCode(value: string): string {
  return value.replace(/[\s-]/g, '');
}

/** The time step of the code's window, or null when the code does not match. */
function stepOf(secret: string, code: string): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = codes.checkDelta(code, secret);
  if (delta === null) return null;
  return Math.floor(Date.now() / 1000 / STEP_SECONDS) + delta;
}

/**
 * Staff second factor: time-based codes from an authenticator app. The secret is kept as plain
 * base32 in users.totp_secret; the database is the boundary that protects it.
 */
export class TwoFactor {
  private readonly db: ReturnType<typeof withTotpColumns>;

  constructor(private readonly s: IdentityServices) {
    this.db = withTotpColumns(s.db);
  }

  /** Turns on the second factor once a code shows the app holds the secret. */
  async enrol(userId: string, secret: string, code: string, actor: Actor): Promise<boolean> {
    const step = stepOf(secret, code);
    if (step === null) return false;
    await this.s.db.transaction().execute(async (trx) => {
      await withTotpColumns(trx).updateTable('users').set({ totp_secret: secret, totp_enabled_at: new Date(), totp_last_step: step, updated_at: new Date() }).where('id', '=', userId).execute();
      await this.s.audit.record({ actorId: actor.userId, action: 'account.two_factor_enrolled', subjectType: 'user', subjectId: userId, details: { method: 'totp' }, ip: actor.ip, requestId: actor.requestId }, trx);
    });
    return true;
  }

  /**
   * For a member of staff who has lost their phone: an administrator turns the second factor off,
   * and the person sets it up again at their next sign-in, which must be a fresh one.
   */
  async reset(userId: string, actor: Actor): Promise<void> {
    await this.s.db.transaction().execute(async (trx) => {
      await withTotpColumns(trx).updateTable('users').set({ totp_secret: null, totp_enabled_at: null, totp_last_step: null, updated_at: new Date() }).where('id', '=', userId).execute();
      await this.s.accounts.endSessions(trx, userId);
      await this.s.audit.record({ actorId: actor.userId, action: 'account.two_factor_reset', subjectType: 'user', subjectId: userId, ip: actor.ip, requestId: actor.requestId }, trx);
    });
  }

  /** Checks a code at sign-in. A code already used (or an older one) is refused. */
  async verify(userId: string, code: string, actor: Actor): Promise<boolean> {
    const user = await this.db.selectFrom('users').select(['totp_secret', 'totp_last_step']).where('id', '=', userId).executeTakeFirst();
    const step = user?.totp_secret ? stepOf(user.totp_secret, code) : null;
    // The conditional update makes two requests with the same code race for one success.
    const accepted =
      step !== null &&
      (await this.db
        .updateTable('users')
        .set({ totp_last_step: step })
        .where('id', '=', userId)
        .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
        .executeTakeFirst()).numUpdatedRows > 0n;
    await this.s.audit.record({ actorId: userId, action: accepted ? 'auth.two_factor_passed' : 'auth.two_factor_failed', subjectType: 'user', subjectId: userId, ip: actor.ip, requestId: actor.requestId });
    return accepted;
  }
}
