import { MockAgent } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { HeyGenClient } from '../../src/heygen/client.js';
import { HeyGenError } from '../../src/heygen/errors.js';
import { seg } from '../../src/heygen/http.js';

/**
 * The client layer's own id check, independent of the tools' zod patterns: whatever reaches a
 * client method, a dot segment never changes which endpoint is called.
 */
describe('seg(): one path segment from an id', () => {
  it.each(['.', '..', '...', '%2e', '%2E%2e', '.%2e', ''])('refuses %j with HeyGenError invalid_parameter', (id) => {
    let err: unknown;
    try { seg(id); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(HeyGenError);
    expect((err as HeyGenError).code).toBe('invalid_parameter');
    expect((err as HeyGenError).param).toBe('id');
  });

  it('escapes everything that would add structure: / ? # % and spaces', () => {
    expect(seg('a/b?c=d#e f%')).toBe('a%2Fb%3Fc%3Dd%23e%20f%25');
    expect(seg('v_1.final')).toBe('v_1.final');
  });

  describe('through a client method', () => {
    let agent: MockAgent | undefined;
    afterEach(async () => { await agent?.close(); });

    it.each(['..', '.'])('videos.get(%j) sends nothing (no request reaches /v3/videos or /v3)', async (id) => {
      agent = new MockAgent();
      agent.disableNetConnect();
      let requests = 0;
      const pool = agent.get('https://api.heygen.test');
      pool.intercept({ path: () => { requests++; return true; }, method: () => true }).reply(200, { data: {} }).persist();
      const client = new HeyGenClient({ apiKey: 'sk_seg_test', baseUrl: 'https://api.heygen.test', dispatcher: agent, sleep: async () => undefined });
      await expect((async () => client.videos.get(id))()).rejects.toMatchObject({ code: 'invalid_parameter' });
      expect(requests).toBe(0);
    });
  });
});
