import { signal } from '@preact/signals';

/** The console's base path (vite `base`): every app route is below it, and the server answers index.html for them. */
export const BASE = '/console/';

export type Route =
  | { page: 'queue' }
  | { page: 'finding'; id: string }
  | { page: 'session'; id: string }
  | { page: 'review' }
  | { page: 'rules' }
  | { page: 'playbook'; id: string }
  | { page: 'missing'; path: string };

export function parseRoute(pathname: string): Route {
  const rel = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : pathname.replace(/^\/+/, '');
  const parts = rel.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0 || (parts.length === 1 && parts[0] === 'findings')) return { page: 'queue' };
  if (parts.length === 2 && parts[0] === 'findings') return { page: 'finding', id: parts[1]! };
  if (parts.length === 2 && parts[0] === 'sessions') return { page: 'session', id: parts[1]! };
  if (parts.length === 1 && parts[0] === 'review') return { page: 'review' };
  if (parts.length === 1 && parts[0] === 'rules') return { page: 'rules' };
  if (parts.length === 2 && parts[0] === 'playbooks') return { page: 'playbook', id: parts[1]! };
  return { page: 'missing', path: pathname };
}

export const route = signal<Route>(parseRoute(location.pathname));

export const href = {
  queue: () => BASE,
  finding: (id: string) => `${BASE}findings/${encodeURIComponent(id)}`,
  session: (id: string) => `${BASE}sessions/${encodeURIComponent(id)}`,
  review: () => `${BASE}review`,
  rules: () => `${BASE}rules`,
  playbook: (id: string) => `${BASE}playbooks/${encodeURIComponent(id)}`,
};

export function navigate(to: string): void {
  if (to !== location.pathname + location.search) history.pushState(null, '', to);
  route.value = parseRoute(location.pathname);
  window.scrollTo(0, 0);
}

addEventListener('popstate', () => (route.value = parseRoute(location.pathname)));

/** Client-side navigation for plain left clicks on same-origin links inside the console. */
document.addEventListener('click', (e) => {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const a = (e.target as Element | null)?.closest('a');
  if (!a || a.target || a.origin !== location.origin || !a.pathname.startsWith(BASE)) return;
  e.preventDefault();
  navigate(a.pathname + a.search);
});
