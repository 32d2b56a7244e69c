/** Tool targets: where a tool call reaches (URL, host, file path), recorded as metadata in every capture mode. */
import type { Attributes } from '@opentelemetry/api';
import type { ContentPolicy } from '../content/capture.js';
import * as A from '@tracehound/core/attributes';

export interface ToolTarget {
  url?: string;
  host?: string;
  path?: string;
}

export function targetAttributes(target: ToolTarget | string | undefined, policy: ContentPolicy): Attributes {
  if (!target) return {};
  const t: ToolTarget = typeof target === 'string' ? { url: target } : target;
  const a: Attributes = {};
  if (t.url) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(t.url);
    } catch {
      parsed = undefined;
    }
    // The host must stay visible (allowlist detection); the query string may carry secrets, so outside full capture
    // it is redacted or dropped.
    if (policy.mode === 'full') a[A.TH_TOOL_TARGET_URL] = t.url;
    else if (policy.mode === 'redacted') a[A.TH_TOOL_TARGET_URL] = policy.text(t.url);
    else if (parsed) a[A.TH_TOOL_TARGET_URL] = `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
    if (parsed && !t.host) a[A.TH_TOOL_TARGET_HOST] = parsed.hostname;
  }
  if (t.host) a[A.TH_TOOL_TARGET_HOST] = t.host;
  if (t.path) a[A.TH_TOOL_TARGET_PATH] = t.path;
  return a;
}
