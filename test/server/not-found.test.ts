import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { connect, textOf, type Era, type Harness } from '../helpers/harness.js';
import { rpc, TASKS_EXT } from '../tasks/helpers.js';

/**
 * "Not found" has one rule per surface (ARCHITECTURE.md): a protocol object the request names
 * (resource, task, tool, prompt) → JSON-RPC -32602 whose data names it ({uri} for resources as
 * the spec defines it, {taskId}, {name}); a HeyGen object named in a tool's arguments → an isError
 * result. Both eras answer the same.
 */
let h: Harness | undefined;
afterEach(async () => { await h?.close(); h = undefined; });

type RpcError = { code?: number; message?: string; data?: unknown };
const caught = (p: Promise<unknown>): Promise<RpcError> => p.then(() => ({}), (e: RpcError) => ({ code: e.code, message: e.message, data: e.data }));

async function open(era: Era): Promise<Harness> {
  h = await connect({ era, tasks: true, capabilities: era === 'modern' ? TASKS_EXT : { tasks: { requests: {} } } });
  return h;
}

/** A task method as each era's client sends it. */
function taskCall(hh: Harness, method: string, params: Record<string, unknown>): Promise<RpcError> {
  if (hh.era === 'modern') return rpc(hh, method, params).then((r) => r.error ?? {});
  return caught(hh.client.request({ method, params } as never, z.any() as never));
}

describe.each(['modern', 'legacy'] as const)('not found, %s', (era) => {
  it('resources: an unknown URI, an unknown docs topic and a job HeyGen does not know are all -32602 with data {uri}, no other shape', async () => {
    const hh = await open(era);
    const unknown = await caught(hh.client.readResource({ uri: 'heygen://nothing/here' }));
    expect(unknown).toMatchObject({ code: -32602, data: { uri: 'heygen://nothing/here' } });
    expect(unknown.message).toMatch(/Resource not found: "heygen:\/\/nothing\/here"\. resources\/list and resources\/templates\/list name/);
    const topic = await caught(hh.client.readResource({ uri: 'heygen://docs/no-such-topic' }));
    expect(topic).toMatchObject({ code: -32602, data: { uri: 'heygen://docs/no-such-topic' } });
    expect(topic.message).toMatch(/Resource not found: "heygen:\/\/docs\/no-such-topic"\. No docs topic is called that\. Topics: video-agent/);
    hh.sim.clearRequests();
    const job = await caught(hh.client.readResource({ uri: 'heygen://videos/nosuchvideo' }));
    expect(job).toMatchObject({ code: -32602, data: { uri: 'heygen://videos/nosuchvideo' } });
    expect(job.message).toMatch(/Resource not found: "heygen:\/\/videos\/nosuchvideo"\. Not found on HeyGen \(video_not_found\)/);
    expect(hh.sim.apiRequests().map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v3/videos/nosuchvideo']);
  });

  it('tasks: an id that never existed is -32602 with data {taskId} on tasks/get and tasks/cancel', async () => {
    const hh = await open(era);
    for (const method of ['tasks/get', 'tasks/cancel']) {
      const err = await taskCall(hh, method, { taskId: 'no-such-task' });
      expect(err, method).toMatchObject({ code: -32602, data: { taskId: 'no-such-task' } });
      expect(err.message, method).toMatch(/Task not found: "no-such-task"\. It never existed for this API key, or it expired\./);
    }
  });

  it('tools and prompts: an unknown name is -32602 with data {name}', async () => {
    const hh = await open(era);
    const tool = await caught(hh.client.callTool({ name: 'no_such_tool', arguments: {} }));
    expect(tool).toMatchObject({ code: -32602, data: { name: 'no_such_tool' } });
    expect(tool.message).toMatch(/Tool not found: "no_such_tool"\. tools\/list names/);
    const prompt = await caught(hh.client.getPrompt({ name: 'no_such_prompt' }));
    expect(prompt).toMatchObject({ code: -32602, data: { name: 'no_such_prompt' } });
    expect(prompt.message).toMatch(/Prompt not found: "no_such_prompt"\. Prompts: video_agent_prompt/);
  });

  it('a HeyGen object named in a tool call is a tool result with isError, never a protocol error', async () => {
    const hh = await open(era);
    hh.sim.clearRequests();
    const r = await hh.call('get_video', { video_id: 'nosuchvideo' });
    expect(r.isError).toBe(true);
    expect(textOf(r)).toMatch(/^Not found on HeyGen \(video_not_found\): .*Check the id with list_videos\./);
    expect(hh.sim.apiRequests().map((q) => `${q.method} ${q.path}`)).toEqual(['GET /v3/videos/nosuchvideo']);
  });
});

describe('tasks/list (2025-11-25)', () => {
  it('a cursor this server never issued is -32602, as the tasks utility requires, not a silent first page', async () => {
    const hh = await open('legacy');
    const err = await taskCall(hh, 'tasks/list', { cursor: 'not-a-cursor' });
    expect(err.code).toBe(-32602);
    expect(err.message).toMatch(/Invalid cursor/);
    const first = await hh.client.request({ method: 'tasks/list', params: {} } as never, z.any() as never) as { tasks: unknown[] };
    expect(first.tasks).toEqual([]);
  });
});
