/**
 * How a call ended when it failed, read the same way for every dialect: the span status (ERROR), `error.type` (OTel
 * semantic conventions: an exception class name such as BadRequestError, or a status code as text), the HTTP status
 * (`http.response.status_code`, older `http.status_code`), else the type of the first exception event.
 */
import type { CallError, Interaction, SpanView } from '@tracehound/core';
import { num, str } from './attrs.js';

const SPAN_STATUS_ERROR = 2;
/** Error types are short identifiers; longer values are cut (they land in finding details). */
const MAX_TYPE_CHARS = 80;

function exceptionType(span: SpanView): string | undefined {
  for (const e of span.events) {
    if (e.name !== 'exception') continue;
    const t = str(e.attributes, 'exception.type');
    if (t) return t;
  }
  return undefined;
}

/** The failure of the span, or undefined when it succeeded (or says nothing). */
export function readCallError(span: SpanView): CallError | undefined {
  const a = span.attributes;
  const spanError = span.status?.code === SPAN_STATUS_ERROR;
  const status = num(a, 'http.response.status_code') ?? num(a, 'http.status_code');
  const httpStatus =
    status !== undefined && Number.isInteger(status) && status >= 400 && status < 600 ? status : undefined;
  const type = str(a, 'error.type') ?? (spanError || httpStatus !== undefined ? exceptionType(span) : undefined);
  if (!spanError && httpStatus === undefined && type === undefined) return undefined;
  const out: CallError = {};
  if (type !== undefined) out.type = type.length > MAX_TYPE_CHARS ? type.slice(0, MAX_TYPE_CHARS) : type;
  if (httpStatus !== undefined) out.httpStatus = httpStatus;
  if (spanError) out.spanError = true;
  return out;
}

/** Set `ix.error` from the span (left undefined for a successful call). */
export function applyCallError(span: SpanView, ix: Interaction): void {
  const e = readCallError(span);
  if (e) ix.error = e;
}
