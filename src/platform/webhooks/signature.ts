import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Webhook signatures, in Stripe's scheme: `X-Lastmile-Signature: t=<unix seconds>,v1=<hex>`,
 * where the hex is HMAC-SHA256 of `<t>.<body>` under the shared secret. The timestamp is signed
 * so a captured request cannot be replayed later. docs/forms-webhooks.md shows receivers how to check it.
 * Forms' webhook targets and contractors' webhooks (integrations) both sign this way.
 */
export const SIGNATURE_HEADER = 'X-Lastmile-Signature';

export function sign(secret: string, body: string, at: Date = new Date()): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${hmac(secret, `${t}.${body}`)}`;
}

/** True when the header carries a v1 signature of this body under the secret, made within `toleranceSeconds`. */
export function verify(secret: string, body: string, header: string, toleranceSeconds = 300, now: Date = new Date()): boolean {
  const parts = new Map<string, string[]>();
  for (const item of header.split(',')) {
    const [key, value] = item.split('=', 2);
    if (key && value) parts.set(key.trim(), [...(parts.get(key.trim()) ?? []), value.trim()]);
  }
  const t = Number(parts.get('t')?.[0]);
  if (!Number.isInteger(t) || Math.abs(now.getTime() / 1000 - t) > toleranceSeconds) return false;
  const expected = Buffer.from(hmac(secret, `${t}.${body}`), 'hex');
  return (parts.get('v1') ?? []).some((given) => {
    const candidate = Buffer.from(given, 'hex');
    return candidate.length === expected.length && timingSafeEqual(candidate, expected);
  });
}

function hmac(secret: string, content: string): string {
  return createHmac('sha256', secret).update(content, 'utf8').digest('hex');
}
