import { createHmac, timingSafeEqual } from 'node:crypto';
import RE2 from 're2';

/** Header carrying the webhook signature: `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`. */
export const SIGNATURE_HEADER = 'x-tracehound-signature';

const HEADER_RE = new RE2('^t=([0-9]{1,12}),v1=([0-9a-f]{64})$');

function mac(secret: string, t: number, body: string): string {
  return createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
}

/** The signature header value for a body sent at `unixSeconds`. The timestamp is signed too, against replays. */
export function signPayload(secret: string, body: string, unixSeconds: number): string {
  const t = Math.floor(unixSeconds);
  return `t=${t},v1=${mac(secret, t, body)}`;
}

/**
 * What a receiver runs: true when the header is a valid signature of the exact body bytes with the shared secret,
 * made within `toleranceSeconds` of `nowSeconds` (rejects replays of old deliveries). Constant-time comparison.
 */
export function verifySignature(
  secret: string,
  header: string | undefined,
  body: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  if (!header) return false;
  const m = HEADER_RE.exec(header);
  if (!m) return false;
  const t = Number(m[1]);
  if (Math.abs(nowSeconds - t) > toleranceSeconds) return false;
  const want = Buffer.from(mac(secret, t, body), 'hex');
  const got = Buffer.from(m[2], 'hex');
  return got.length === want.length && timingSafeEqual(got, want);
}
