import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCRIPT_FRAMING } from '../../src/promptkit/method.js';
import { connect, type Harness } from '../helpers/harness.js';

let h: Harness;
beforeAll(async () => { h = await connect(); });
afterAll(async () => { await h.close(); });

async function render(args: Record<string, string>): Promise<string> {
  const r = await h.client.getPrompt({ name: 'video_agent_prompt', arguments: { brief: 'Launch of a folding e-bike for commuters', ...args } });
  return r.messages.map((m) => (m.content as { text: string }).text).join('\n');
}

describe('video_agent_prompt teaches both methods', () => {
  it('by default explains both, when to use which, and the whole path to a file', async () => {
    const text = await render({});
    for (const part of [
      'Two ways to write the prompt', 'Natural flow', 'Structured', 'discovery', 'the selected presenter', SCRIPT_FRAMING,
      'list_video_agent_styles', 'style_id', 'STYLE block', 'Motion graphics', 'Stock footage', 'AI-generated', 'upload_asset',
      'Orientation', '9:16', '20–45 minutes', 'validate_video_agent_prompt', 'create_video_agent', 'as a task', 'wait_for_job', 'download_video',
      '5-layer B-roll', 'Writing the AVATAR',
    ]) expect(text, part).toContain(part);
  });

  it('recommends natural flow for 45 s and structured for 90 s, and passes the mode to the validator', async () => {
    expect(await render({ duration_seconds: '45' })).toMatch(/Method: natural flow[^\n]*fits this length best/);
    const long = await render({ duration_seconds: '90' });
    expect(long).toMatch(/Method: structured, scene by scene/);
    expect(long).toContain('duration_seconds 90, mode "structured"');
  });

  it('with method "natural" leaves the scene-by-scene detail out', async () => {
    const text = await render({ method: 'natural', duration_seconds: '30' });
    expect(text).toContain('Writing a natural-flow prompt');
    expect(text).not.toContain('5-layer B-roll');
  });

  it('with method "structured" leaves the natural-flow section out', async () => {
    const text = await render({ method: 'structured' });
    expect(text).toContain('5-layer B-roll');
    expect(text).not.toContain('Writing a natural-flow prompt');
  });

  it('with a look id applies the presenter rule and carries avatar_id to validate and create', async () => {
    const text = await render({ avatar: 'look_7f3a9c21', orientation: 'portrait' });
    expect(text).toContain('call them "the selected presenter"; do not describe their looks');
    expect(text).toContain('avatar_id "look_7f3a9c21"');
    expect(text).toContain('orientation "portrait"');
  });

  it('with a described presenter asks to describe them or pick a look', async () => {
    const text = await render({ avatar: 'a cheerful cyclist in a rain jacket' });
    expect(text).toContain('describe them in the prompt, or pick a look with list_avatar_looks');
  });

  it('completes the method argument', async () => {
    const r = await h.client.complete({ ref: { type: 'ref/prompt', name: 'video_agent_prompt' }, argument: { name: 'method', value: 'n' } });
    expect(r.completion.values).toEqual(['natural']);
  });
});

describe('docs pages teach both methods', () => {
  const read = async (topic: string) => ((await h.client.readResource({ uri: `heygen://docs/${topic}` })).contents[0] as { text: string }).text;

  it('video-agent: when to use which, presenter rule, style_id, media, orientation, uploads, timing', async () => {
    const text = await read('video-agent');
    for (const part of ['Natural flow', 'Structured', 'the selected presenter', 'list_video_agent_styles', 'motion graphics', 'orientation', 'upload_asset', '20–45 minutes', 'as a task', 'wait_for_job', 'download_video']) expect(text, part).toContain(part);
  });

  it('prompt-guide: the natural prompt, the validator inputs and its 50,000-character limit', async () => {
    const text = await read('prompt-guide');
    for (const part of ['Two methods', 'framing line', 'duration_seconds', 'avatar_id', 'style_id', '`mode`', '50,000 characters', 'labels stay in English']) expect(text, part).toContain(part);
  });
});
