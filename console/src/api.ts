import { signal } from '@preact/signals';

const TOKEN_KEY = 'tracehound.console.token';

/** The bearer token the analyst typed (kept for this browser tab only). */
export const token = signal<string | null>(sessionStorage.getItem(TOKEN_KEY));
/** Set when the API answered 401: the app shows the login screen. */
export const loginNeeded = signal(false);

export function setToken(value: string | null): void {
  token.value = value;
  if (value) sessionStorage.setItem(TOKEN_KEY, value);
  else sessionStorage.removeItem(TOKEN_KEY);
}

/** An error answer of the API: `{ code, message }` with a stable TH_ code (docs/errors.md). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** One call to /api/v1 (same origin as the console), with the token when there is one. */
export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token.value) headers.authorization = `Bearer ${token.value}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`/api/v1${path}`, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  const body: unknown = text ? JSON.parse(text) : undefined;
  if (!res.ok) {
    const e = (body ?? {}) as { code?: string; message?: string };
    if (res.status === 401) loginNeeded.value = true;
    throw new ApiError(res.status, e.code ?? `HTTP_${res.status}`, e.message ?? res.statusText);
  }
  return body as T;
}

/** A query string from the set fields of `params`. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/**
 * The live event stream (GET /api/v1/events). EventSource cannot send headers, so the token travels as
 * ?access_token= (the API accepts it on this route only). Returns the close function.
 */
export function subscribe(handlers: {
  finding(data: unknown): void;
  dropped?(count: number): void;
  state?(open: boolean): void;
}): () => void {
  const src = new EventSource(`/api/v1/events${query({ access_token: token.value })}`);
  src.addEventListener('finding', (e) => handlers.finding(JSON.parse((e as MessageEvent<string>).data)));
  src.addEventListener('dropped', (e) =>
    handlers.dropped?.((JSON.parse((e as MessageEvent<string>).data) as { count: number }).count),
  );
  src.onopen = () => handlers.state?.(true);
  src.onerror = () => handlers.state?.(false);
  return () => src.close();
}
