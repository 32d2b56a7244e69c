import type { DetectorEnv } from '../env.js';
import { round } from '../env.js';
import { BEH } from '../rules.js';
import { psi, refusalZ, WindowStats } from '../state/distribution.js';
import type { BehaviorDetector, BehaviorDetection, Entity } from '../types.js';

interface ModelState {
  windowStart: number;
  current: WindowStats;
  reference: WindowStats | null;
  driftedWindows: number;
  spans: string[];
}

/**
 * Model drift per model and version. Tumbling windows of at least windowSeconds and minSamples answers; the first
 * full window is the reference. When a window closes it is compared with the reference: TH-BEH-060 on a refusal-rate
 * change (absolute delta and z score), TH-BEH-061 on output-length PSI. So each fires at most once per window. After
 * adoptAfterWindows drifted windows in a row the new behaviour becomes the reference (an accepted model update).
 */
export function modelDriftDetector(env: DetectorEnv): BehaviorDetector {
  const cfg = env.config.modelDrift;
  const windowMs = cfg.windowSeconds * 1000;
  const edges = [...cfg.lengthBuckets].sort((a, b) => a - b);
  const store = env.store<ModelState>('model.drift', Math.max(env.config.baselineTtlSeconds * 1000, 2 * windowMs));

  const close = (model: string, st: ModelState, now: number, out: BehaviorDetection[]) => {
    const cur = st.current;
    const ref = st.reference;
    if (!ref) {
      st.reference = cur;
      return;
    }
    const entity: Entity = { type: 'model', id: model };
    const z = refusalZ(ref, cur);
    const delta = cur.refusalRate - ref.refusalRate;
    const p = psi(ref, cur);
    let drifted = false;
    if (Math.abs(delta) >= cfg.refusalRateDelta && Math.abs(z) >= cfg.refusalZ) {
      drifted = true;
      env.fire(
        out,
        {
          ruleId: BEH.driftRefusalRate,
          entity,
          windowSeconds: cfg.windowSeconds,
          confidence: 0.7,
          channel: 'output',
          evidence: `refusal rate ${round(cur.refusalRate * 100, 1)}% over ${cur.n} answers vs ${round(ref.refusalRate * 100, 1)}% in the reference window (z ${round(z, 1)})`,
          count: cur.n,
          observed: cur.refusalRate,
          baseline: ref.refusalRate,
          threshold: cfg.refusalRateDelta,
          spanIds: [...st.spans],
          extra: { zScore: round(z), direction: delta > 0 ? 'up' : 'down', referenceSamples: ref.n },
        },
        now,
      );
    }
    if (p >= cfg.psiThreshold) {
      drifted = true;
      env.fire(
        out,
        {
          ruleId: BEH.driftOutputLength,
          entity,
          windowSeconds: cfg.windowSeconds,
          confidence: 0.7,
          channel: 'output',
          evidence: `output-length distribution shifted: PSI ${round(p, 3)} over ${cur.n} answers against the reference window`,
          count: cur.n,
          observed: p,
          baseline: 0,
          threshold: cfg.psiThreshold,
          spanIds: [...st.spans],
          extra: { psi: round(p, 4), referenceSamples: ref.n },
        },
        now,
      );
    }
    st.driftedWindows = drifted ? st.driftedWindows + 1 : 0;
    if (st.driftedWindows >= cfg.adoptAfterWindows) {
      st.reference = cur;
      st.driftedWindows = 0;
    }
  };

  return {
    id: 'model-drift',
    stores: [store],
    observe(ctx, out) {
      const ix = ctx.ix;
      if (!cfg.enabled || ix.kind !== 'llm_call' || ix.output.length === 0) return;
      const name = ix.responseModel ?? ix.model;
      if (!name) return;
      const model = ix.provider ? `${ix.provider}/${name}` : name;
      const now = ctx.now;
      const st = store.getOrCreate(model, now, () => ({
        windowStart: now,
        current: new WindowStats(edges),
        reference: null,
        driftedWindows: 0,
        spans: [],
      }));
      if (now - st.windowStart >= windowMs && st.current.n >= cfg.minSamples) {
        close(model, st, now, out);
        st.current = new WindowStats(edges);
        st.windowStart = now;
        st.spans = [];
      }
      let length = ix.usage.outputTokens;
      if (length === undefined) {
        let chars = 0;
        for (const m of ix.output) chars += m.content.length;
        length = chars / 4;
      }
      st.current.add(length, ctx.refused);
      st.spans.push(ix.span.spanId);
      if (st.spans.length > env.config.maxSpanIds) st.spans.shift();
    },
  };
}
