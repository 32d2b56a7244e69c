import { redactText } from '@tracehound/core/privacy';

/**
 * The one gate telemetry-derived values pass before they become Prometheus label values (service, model, provider,
 * operation, tool names): /metrics is often scraped without authentication and kept for months, so no secret, PII or
 * token-like value may land there, even when an app puts one where a name belongs. Values are cut to 64 characters;
 * one that carries a recognised secret or PII format, a long token-like run (≥ 16 characters mixing letters and
 * digits), or characters outside a conservative name alphabet becomes `redacted`.
 */

export const REDACTED_LABEL = 'redacted';

const NAME = /^[A-Za-z0-9 ._:/@+()[\]-]*$/;
const TOKEN_SEPARATORS = /[ ._:/@+()[\]-]+/;

function tokenLike(part: string): boolean {
  return part.length >= 16 && /[A-Za-z]/.test(part) && /\d/.test(part);
}

export function safeLabelValue(value: string): string {
  const v = value.length > 64 ? value.slice(0, 64) : value;
  if (!NAME.test(v)) return REDACTED_LABEL;
  if (v.split(TOKEN_SEPARATORS).some(tokenLike)) return REDACTED_LABEL;
  if (redactText(v) !== v) return REDACTED_LABEL;
  return v;
}
