import RE2 from 're2';

/**
 * The two string formats the schema uses, written here instead of pulling in ajv-formats: both are a single
 * linear-time check.
 */

// RFC 3339 date-time with an explicit offset; the day must exist in its month (Date.parse rolls 02-30 over to 03-02).
const DATE_TIME = new RE2('^\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([Zz]|[+-]\\d{2}:\\d{2})$');

export function isDateTime(s: string): boolean {
  if (!DATE_TIME.test(s) || Number.isNaN(Date.parse(s))) return false;
  const [year, month, day] = [Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10))];
  return day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** '' (meaning "none") or an absolute http(s) URL with a host and no credentials. */
export function isHttpUrlOrEmpty(s: string): boolean {
  if (s === '') return true;
  let url: URL;
  try {
    url = new URL(s);
  } catch {
    return false;
  }
  return (
    (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' && !url.username && !url.password
  );
}

export const FORMATS: Record<string, (s: string) => boolean> = {
  'date-time': isDateTime,
  'http-url-or-empty': isHttpUrlOrEmpty,
};

export const FORMAT_HINTS: Record<string, string> = {
  'date-time': 'an ISO-8601 date-time with offset, e.g. 2026-12-31T23:59:59Z',
  'http-url-or-empty': "an http(s) URL without credentials (put them in forward.headers), or '' for none",
};
