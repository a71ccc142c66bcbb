import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Harness } from '../helpers/harness.js';

let h: Harness;
beforeAll(async () => { h = await connect(); });
afterAll(async () => { await h.close(); });

describe('create_photo_avatar_workflow prompt', () => {
  it('is listed and walks upload → create → consent → wait → video', async () => {
    const { prompts } = await h.client.listPrompts();
    expect(prompts.map((p) => p.name)).toContain('create_photo_avatar_workflow');
    const r = await h.client.getPrompt({ name: 'create_photo_avatar_workflow', arguments: { photo: '/home/me/face.jpg', name: 'Me', script: 'Hi!' } });
    const text = (r.messages[0]!.content as { text: string }).text;
    for (const step of ['upload_asset', 'create_photo_avatar', 'start_avatar_consent', 'wait_for_job', 'avatar_group', 'create_avatar_video']) expect(text).toContain(step);
    expect(text).toContain('upload it with upload_asset');
    expect(text).toContain('"Me"');
    expect(h.sim.apiRequests()).toHaveLength(0);
  });

  it('passes an https photo straight through as image', async () => {
    const r = await h.client.getPrompt({ name: 'create_photo_avatar_workflow', arguments: { photo: 'https://example.com/me.jpg' } });
    expect((r.messages[0]!.content as { text: string }).text).toContain('image: https://example.com/me.jpg');
  });
});
