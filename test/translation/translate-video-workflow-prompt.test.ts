import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Harness } from '../helpers/harness.js';

let h: Harness;
beforeAll(async () => { h = await connect(); });
afterAll(async () => { await h.close(); });

const textOf = (r: Awaited<ReturnType<Harness['client']['getPrompt']>>) => r.messages.map((m) => (m.content as { text: string }).text).join('\n');

describe('translate_video_workflow prompt', () => {
  it('walks languages → translate → wait → download for a direct translation', async () => {
    const r = await h.client.getPrompt({ name: 'translate_video_workflow', arguments: { video: 'https://cdn.example.com/v.mp4', languages: 'Spanish (Spain), Japanese' } });
    const text = textOf(r);
    for (const step of ['list_video_translation_languages', 'create_video_translation', 'wait_for_job', 'video_url']) expect(text).toContain(step);
    expect(text).toMatch(/2 charged job/);
    expect(text).toContain('video: https://cdn.example.com/v.mp4');
    expect(h.sim.apiRequests()).toHaveLength(0);
  });

  it('takes the proofread path on request and sends a local path through upload_asset', async () => {
    const text = textOf(await h.client.getPrompt({ name: 'translate_video_workflow', arguments: { video: '/home/me/talk.mp4', languages: 'French (France)', proofread: 'yes' } }));
    expect(text).toMatch(/proofread first/);
    expect(text).toMatch(/upload it with upload_asset/);
  });

  it('requires the languages argument', async () => {
    await expect(h.client.getPrompt({ name: 'translate_video_workflow', arguments: { video: 'https://x.example/v.mp4' } })).rejects.toThrow(/languages/);
  });

  it('completes language names', async () => {
    const r = await h.client.complete({ ref: { type: 'ref/prompt', name: 'translate_video_workflow' }, argument: { name: 'languages', value: 'Span' } });
    expect(r.completion.values).toContain('Spanish (Spain)');
  });
});
