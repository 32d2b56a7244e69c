import { useEffect, useState } from 'preact/hooks';
import { ApiError, api, loginNeeded, setToken, token } from './api.js';
import { ErrorBox } from './components/ui.js';
import { FindingPage } from './pages/finding.js';
import { PlaybookPage } from './pages/playbook.js';
import { QueuePage } from './pages/queue.js';
import { ReviewPage } from './pages/review.js';
import { RulesPage } from './pages/rules.js';
import { SessionPage } from './pages/session.js';
import { href, route, type Route } from './router.js';

function Page({ r }: { r: Route }) {
  switch (r.page) {
    case 'queue':
      return <QueuePage />;
    case 'finding':
      return <FindingPage id={r.id} />;
    case 'session':
      return <SessionPage id={r.id} />;
    case 'review':
      return <ReviewPage />;
    case 'rules':
      return <RulesPage />;
    case 'playbook':
      return <PlaybookPage id={r.id} />;
    case 'missing':
      return <p>No page at {r.path}.</p>;
  }
}

/** The token screen: shown when the server has server.authToken set and this tab has no (valid) token. */
function Login() {
  const [value, setValue] = useState('');
  const [error, setError] = useState<unknown>(undefined);
  async function submit(e: Event) {
    e.preventDefault();
    setToken(value.trim());
    try {
      await api('/status');
      loginNeeded.value = false;
    } catch (err) {
      setToken(null);
      setError(err instanceof ApiError && err.status === 401 ? new Error('That token was not accepted.') : err);
    }
  }
  return (
    <main class="login">
      <form onSubmit={(e) => void submit(e)} aria-label="Sign in">
        <h1>Tracehound console</h1>
        <p class="muted">
          This processor requires its API token (<code>server.authToken</code>, env <code>TRACEHOUND_AUTH_TOKEN</code>
          ). It is kept in this browser tab only.
        </p>
        <label>
          Token
          <input
            type="password"
            name="token"
            autoComplete="current-password"
            autoFocus
            value={value}
            onInput={(e) => setValue(e.currentTarget.value)}
          />
        </label>
        <button type="submit" disabled={!value.trim()}>
          Sign in
        </button>
        <ErrorBox error={error} />
      </form>
    </main>
  );
}

const NAV: Array<[Route['page'], string, string]> = [
  ['queue', 'Findings', href.queue()],
  ['review', 'Review queue', href.review()],
  ['rules', 'Rules', href.rules()],
];

export function App() {
  const [checked, setChecked] = useState(false);
  useEffect(() => {
    api('/status').then(
      () => setChecked(true),
      () => setChecked(true),
    );
  }, []);
  if (!checked) return <p class="muted">Connecting…</p>;
  if (loginNeeded.value) return <Login />;
  const r = route.value;
  return (
    <>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="top">
        <a class="brand" href={href.queue()}>
          Tracehound
        </a>
        <nav aria-label="Console">
          {NAV.map(([page, text, to]) => (
            <a key={page} href={to} aria-current={r.page === page ? 'page' : undefined}>
              {text}
            </a>
          ))}
        </nav>
        <span class="keys muted">j/k move · Enter open · / search</span>
        {token.value && (
          <button
            type="button"
            class="secondary"
            onClick={() => {
              setToken(null);
              loginNeeded.value = true;
            }}
          >
            Sign out
          </button>
        )}
      </header>
      <main id="main" tabIndex={-1}>
        <Page r={r} />
      </main>
    </>
  );
}
