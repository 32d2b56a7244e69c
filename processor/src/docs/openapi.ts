import Fastify from 'fastify';
import { FINDINGS_API_VERSION } from '../api/backend.js';
import { registerFindingsApi } from '../api/findings-api.js';
import { SuppressionManager } from '../response/suppression-manager.js';
import { VerdictStore } from '../response/verdict-store.js';
import { FindingsStore, storeDefaults } from '../store/index.js';

/** docs/console-openapi.json: the OpenAPI document of the findings API, from the route schemas (as served). */
export async function renderConsoleOpenApi(): Promise<string> {
  const app = Fastify({ logger: false });
  const store = new FindingsStore({ ...storeDefaults, path: ':memory:' }, { capture: { mode: 'full' } });
  const api = registerFindingsApi(app, {
    store,
    catalog: { get: () => undefined, all: () => [] },
    suppressions: new SuppressionManager({ base: [], pollSeconds: 0, maxApi: 1 }),
    verdicts: new VerdictStore(1, Date.now),
    feedback: () => undefined,
    maxAgeSeconds: 5,
    version: FINDINGS_API_VERSION,
  });
  await app.ready();
  const doc = `${JSON.stringify(api.openapi(), null, 2)}\n`;
  await app.close();
  await store.shutdown();
  return doc;
}
