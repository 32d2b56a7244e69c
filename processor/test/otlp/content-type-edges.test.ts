/**
 * Content-Type edge cases get the project's error answer (issue 22, item 11): an empty, missing, malformed or huge
 * Content-Type is answered 415 TH_UNSUPPORTED_MEDIA_TYPE in the Status format with the x-tracehound-error header —
 * never fastify's own error body.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService, testConfig, type Running } from '../service/helpers.js';

function post(url: string, headers: Record<string, string>, body = Buffer.from([0x0a, 0x00])) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request(`${url}/v1/traces`, { method: 'POST', headers }, (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('Content-Type edge cases', () => {
  let svc: Running;
  beforeAll(async () => {
    svc = await startService(testConfig());
  });
  afterAll(async () => svc?.stop());

  const cases: Array<[string, Record<string, string>]> = [
    ['empty', { 'content-type': '' }],
    ['missing', {}],
    ['only parameters', { 'content-type': '; charset=utf-8' }],
    ['malformed', { 'content-type': 'application/' }],
    ['huge', { 'content-type': `application/x-protobuf${'x'.repeat(10_000)}` }],
    ['unknown', { 'content-type': 'text/plain' }],
  ];

  for (const [what, headers] of cases) {
    it(`${what} → 415 TH_UNSUPPORTED_MEDIA_TYPE in the project format`, async () => {
      const res = await post(svc.httpUrl, headers);
      expect(res.status).toBe(415);
      expect(res.headers['x-tracehound-error']).toBe('TH_UNSUPPORTED_MEDIA_TYPE');
      const status = JSON.parse(res.body) as { code: number; message: string; details: Array<{ reason: string }> };
      expect(status.details[0].reason).toBe('TH_UNSUPPORTED_MEDIA_TYPE');
      expect(status.message.startsWith('TH_UNSUPPORTED_MEDIA_TYPE:')).toBe(true);
      expect(res.body.length).toBeLessThan(600); // the huge header is not echoed back
    });
  }

  it('parameters on a supported type are fine, however long (application/json; charset=utf-8)', async () => {
    for (const type of ['application/json; charset=utf-8', `application/json; a=${'b'.repeat(10_000)}`]) {
      const res = await post(svc.httpUrl, { 'content-type': type }, Buffer.from('{}'));
      expect(res.status).toBe(200);
    }
  });
});
