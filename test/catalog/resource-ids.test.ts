import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Harness } from '../helpers/harness.js';

let h: Harness;
beforeAll(async () => { h = await connect(); });
afterAll(async () => { await h.close(); });

const TEMPLATES = ['heygen://voices/', 'heygen://avatars/', 'heygen://avatars/looks/', 'heygen://videos/', 'heygen://video-agent/sessions/'];
const BAD = [['..', '..'], ['a newline', 'a%0Ab'], ['a NUL', 'a%00b'], ['a question mark', 'a%3Fb'], ['dots in the middle', 'a..b'], ['a slash', 'a%2Fb']];

describe('catalog and job resources hold their ids to the tools\' id rule', () => {
  it.each(TEMPLATES.flatMap((t) => BAD.map(([label, id]) => [`${t}{id}`, label, `${t}${id}`] as const)))('%s with %s → refused naming the id, 0 requests to HeyGen', async (_t, _label, uri) => {
    h.sim.clearRequests();
    const err = await h.client.readResource({ uri }).then(() => undefined, (e: { code?: number; message?: string }) => e);
    expect(err?.code).toBe(-32602);
    expect(err?.message).toMatch(/Invalid [a-z_]+: must be a HeyGen id|Resource not found: "heygen:/);
    // One error code in the text at most: the SDK adds its prefix once.
    expect((err?.message ?? '').match(/MCP error/g)?.length ?? 0).toBeLessThanOrEqual(1);
    expect(h.sim.apiRequests()).toHaveLength(0);
  });

  it('a valid id that HeyGen does not know is resource-not-found with the URI in its data', async () => {
    const err = await h.client.readResource({ uri: 'heygen://voices/nosuchvoice' }).then(() => undefined, (e: { code?: number; data?: unknown }) => e);
    expect(err?.code).toBe(-32602);
    expect(err?.data).toEqual({ uri: 'heygen://voices/nosuchvoice' });
  });
});
