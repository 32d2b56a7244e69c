import { createHash } from 'node:crypto';
import type { TiersConfig } from './config.js';

/**
 * Which analysed spans the tiers see: those whose embedded risk score falls in the uncertain band, and a sample of
 * the others decided by trace id hash (so one trace is in or out as a whole, the same on every replica).
 */
export function selectedForTiers(select: TiersConfig['select'], riskScore: number, traceId: string): boolean {
  if (riskScore >= select.minRisk && riskScore <= select.maxRisk) return true;
  if (select.sampleRate <= 0) return false;
  if (select.sampleRate >= 1) return true;
  const h = createHash('sha256').update('tracehound-tier-sample:').update(traceId).digest();
  return h.readUInt32BE(0) / 0x1_0000_0000 < select.sampleRate;
}
