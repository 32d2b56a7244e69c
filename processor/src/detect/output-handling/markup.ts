/**
 * What a browser would do with a model answer rendered as HTML or markdown: active content (scripts, event handlers,
 * script URLs, frames) and images whose URL carries data to another host. Text inside markdown code (``` fences and
 * `inline code`) is not rendered, so it is blanked first.
 */
import RE2 from 're2';

/** The text with fenced and inline markdown code replaced by spaces (same length, so offsets stay valid). Linear. */
export function blankMarkdownCode(s: string): string {
  if (s.indexOf('`') < 0) return s;
  const out = s.split('');
  let i = 0;
  while (i < s.length) {
    if (s[i] !== '`') {
      i++;
      continue;
    }
    let run = 1;
    while (i + run < s.length && s[i + run] === '`') run++;
    const fence = '`'.repeat(run);
    const close = s.indexOf(fence, i + run);
    // An unclosed fence of three or more runs to the end (as markdown renders it); a lone backtick is literal.
    const end = close < 0 ? (run >= 3 ? s.length : -1) : close + run;
    if (end < 0) {
      i += run;
      continue;
    }
    for (let k = i; k < end; k++) if (out[k] !== '\n') out[k] = ' ';
    i = end;
  }
  return out.join('');
}

/** Active-content patterns, each with what it means for the evidence. Compiled once. */
const ACTIVE: ReadonlyArray<{ re: RE2; what: string }> = [
  { re: new RE2(String.raw`(?i)<script[\s/>]`), what: 'script element' },
  {
    // A handler with a value; JSX props (onClick={...}) are code, not markup.
    re: new RE2(String.raw`(?i)<[a-z][a-z0-9-]{0,20}(?:[\s/][^<>]{0,300}?)?[\s/"']on[a-z]{3,25}\s*=\s*[^\s{>]`),
    what: 'HTML event-handler attribute',
  },
  {
    re: new RE2(
      String.raw`(?i)(?:href|src|action|formaction|xlink:href|data)\s*=\s*["']?\s*(?:javascript|vbscript)\s*:`,
    ),
    what: 'script URL in an attribute',
  },
  { re: new RE2(String.raw`(?i)(?:href|src)\s*=\s*["']?\s*data:text/html`), what: 'data:text/html URL' },
  { re: new RE2(String.raw`(?i)\]\(\s*<?\s*(?:javascript|vbscript)\s*:`), what: 'script URL in a markdown link' },
  { re: new RE2(String.raw`(?i)\]\(\s*<?\s*data:text/html`), what: 'data:text/html URL in a markdown link' },
  // object and embed need attributes: <Object> alone is a generic type in code.
  { re: new RE2(String.raw`(?i)<(?:iframe|frameset)[\s/>]|<(?:object|embed)\s`), what: 'frame or plugin element' },
  { re: new RE2(String.raw`(?i)<meta[^<>]{0,200}http-equiv\s*=\s*["']?refresh`), what: 'meta refresh' },
];
const ACTIVE_ANY = new RE2.Set(
  ACTIVE.map((a) => a.re.source),
  { anchor: 'unanchored' },
);

export interface MarkupHit {
  start: number;
  end: number;
  what: string;
}

/** The first active-content construct in rendered (code-blanked) text, or undefined. */
export function findActiveContent(rendered: string): MarkupHit | undefined {
  if (!ACTIVE_ANY.test(rendered)) return undefined;
  let best: MarkupHit | undefined;
  for (const a of ACTIVE) {
    const m = a.re.exec(rendered);
    if (m && (!best || m.index < best.start)) best = { start: m.index, end: m.index + m[0].length, what: a.what };
  }
  return best;
}

const MD_IMAGE = new RE2(String.raw`!\[[^\]\n]{0,300}\]\(\s*<?(https?://[^\s)>]+)`, 'g');
const HTML_IMAGE = new RE2(String.raw`(?i)<img\b[^<>]{0,300}?\bsrc\s*=\s*["']?(https?://[^\s"'<>]+)`, 'g');
const MD_LINK = new RE2(String.raw`(?:^|[^!])\[[^\]\n]{0,300}\]\(\s*<?(https?://[^\s)>]+)`, 'g');

export interface UrlRef {
  url: string;
  start: number;
  end: number;
  image: boolean;
}

/** Image and link URLs of rendered text (bounded: at most 64 of each). */
export function renderedUrls(rendered: string): UrlRef[] {
  const out: UrlRef[] = [];
  if (rendered.indexOf('http') < 0) return out;
  for (const [re, image] of [
    [MD_IMAGE, true],
    [HTML_IMAGE, true],
    [MD_LINK, false],
  ] as const) {
    re.lastIndex = 0;
    let n = 0;
    for (let m = re.exec(rendered); m && n < 64; m = re.exec(rendered), n++) {
      const url = m[1];
      const start = m.index + m[0].length - url.length;
      out.push({ url, start, end: start + url.length, image });
    }
  }
  return out;
}
