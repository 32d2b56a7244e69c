/**
 * Redaction and HMAC for content capture: the processor's own privacy module (light entry point, no server code), so
 * the app and the processor mask secrets and PII the same way and hashed values look the same in both.
 */
import { HASH_PREFIX, hmacText as digest } from '@tracehound/core/privacy';

export { redactText } from '@tracehound/core/privacy';

/** `hmac-sha256:<hex>` of the text, as the processor's hashed capture mode writes it. */
export function hmacText(key: string | Buffer, text: string): string {
  return HASH_PREFIX + digest(key, text);
}
