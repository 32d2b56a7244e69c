import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GRAFANA_DIR } from '../src/generate.js';
import { DASHBOARDS, renderDashboard } from '../src/index.js';

type Json = Record<string, unknown>;

/** Every `datasource` object anywhere in a dashboard (panels, targets, variables). */
function datasourceRefs(node: unknown, out: Json[] = []): Json[] {
  if (Array.isArray(node)) for (const n of node) datasourceRefs(n, out);
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node as Json)) {
      if (k === 'datasource' && v && typeof v === 'object') out.push(v as Json);
      else datasourceRefs(v, out);
    }
  }
  return out;
}

describe('generated dashboards', () => {
  for (const spec of DASHBOARDS) {
    describe(spec.file, () => {
      const committed = readFileSync(join(GRAFANA_DIR, spec.file), 'utf8');
      const json = JSON.parse(committed) as Json & { panels: Json[]; templating: { list: Json[] } };

      it('the committed JSON is what the code generates (run npm run gen:dashboards after editing src/)', () => {
        expect(committed).toBe(renderDashboard(spec.build()));
      });

      it('uses datasource variables, never a hard-coded datasource UID', () => {
        const vars = new Map(
          json.templating.list.filter((v) => v.type === 'datasource').map((v) => [v.name as string, v.query as string]),
        );
        const refs = datasourceRefs(json);
        expect(refs.length).toBeGreaterThan(0);
        for (const ref of refs) {
          const uid = String(ref.uid);
          expect(uid.startsWith('${') && uid.endsWith('}'), JSON.stringify(ref)).toBe(true);
          const name = uid.slice(2, -1);
          expect(vars.get(name), `variable ${name}`).toBe(ref.type);
        }
      });

      it('has a stable uid, unique panel ids and a refId on every target', () => {
        expect(String(json.uid).startsWith('tracehound-')).toBe(true);
        const ids: number[] = [];
        for (const p of json.panels) {
          ids.push(p.id as number);
          (p.targets as Json[] | undefined)?.forEach((t, i) => expect(t.refId).toBe(String.fromCharCode(65 + i)));
        }
        expect(new Set(ids).size).toBe(ids.length);
      });
    });
  }

  it('dashboard uids are unique', () => {
    const uids = DASHBOARDS.map((s) => s.build().uid);
    expect(new Set(uids).size).toBe(uids.length);
  });
});
