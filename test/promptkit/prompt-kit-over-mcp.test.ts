import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasSeed, seedPrompts } from '../helpers/seed.js';
import { DOC_TOPICS } from '../../src/resources/docs.js';
import { VISUAL_STYLES } from '../../src/promptkit/styles.js';
import { connect, type Harness } from '../helpers/harness.js';

const seed = hasSeed ? seedPrompts() : { example: '', templates: {} as Record<string, string> };
const seedExample = seed.example;
const template = seed.templates['social-ad'] ?? '';
const textOf = (r: { contents: unknown[] }) => (r.contents[0] as { text: string }).text;

/** The tool catalog of the design (names are a contract), so docs cannot point at tools that will never exist. */
const CATALOG = `create_video_agent get_video_agent_session send_video_agent_message stop_video_agent_session list_video_agent_sessions
list_video_agent_videos list_video_agent_styles create_avatar_video create_video_from_image create_studio_video create_cinematic_video
get_video list_videos delete_video wait_for_job download_video list_avatar_groups get_avatar_group list_avatar_looks get_avatar_look
create_photo_avatar create_prompt_avatar create_digital_twin start_avatar_consent update_avatar_look delete_avatar_group delete_avatar_look
list_voices get_voice design_voice clone_voice delete_voice create_speech upload_asset get_asset delete_asset get_account
validate_video_agent_prompt list_templates get_template create_video_from_template list_translation_languages create_video_translation
get_video_translation list_video_translations delete_video_translation create_translation_proofread get_translation_proofread
get_proofread_subtitles update_proofread_subtitles generate_from_proofread list_webhook_event_types list_webhook_endpoints
create_webhook_endpoint update_webhook_endpoint delete_webhook_endpoint rotate_webhook_secret list_webhook_events create_lipsync
get_lipsync list_lipsyncs delete_lipsync create_background_removal get_background_removal create_ai_clipping get_ai_clipping
list_brand_kits search_sounds list_video_translation_languages rename_video_translation rename_lipsync list_assets search_assets
get_video_agent_resource list_background_removals delete_background_removal list_ai_clippings delete_ai_clipping list_brand_glossaries
create_video_batch create_lipsync_batch create_video_translation_batch create_asset_upload_batch complete_asset_upload_batch get_batch
get_job_statuses`.split(/\s+/);

let h: Harness;
beforeAll(async () => { h = await connect(); });
afterAll(async () => { await h.close(); });

describe('validate_video_agent_prompt', () => {
  it.skipIf(!hasSeed)('validates the seed example with no errors and makes zero upstream requests', async () => {
    h.sim.clearRequests();
    const out = await h.ok('validate_video_agent_prompt', { prompt: seedExample, duration_seconds: 90 });
    expect(out).toMatchObject({ ok: true, errors: [], scenes: 7, total_seconds: 69, template: false, style: 'Swiss Pulse' });
    expect(out.scene_types).toEqual({ 'A-ROLL': 4, 'FULL SCREEN B-ROLL': 3 });
    expect(out.warnings.length).toBeGreaterThan(0);
    expect(h.sim.apiRequests()).toHaveLength(0);
  });

  it.skipIf(!hasSeed)('flags a template as ok:false with template:true', async () => {
    const out = await h.ok('validate_video_agent_prompt', { prompt: template });
    expect(out.ok).toBe(false);
    expect(out.template).toBe(true);
    expect(out.errors[0].message).toMatch(/template/);
  });

  it('rejects an empty prompt naming the field, without any request', async () => {
    h.sim.clearRequests();
    expect(await h.fails('validate_video_agent_prompt', { prompt: '' })).toMatch(/prompt/);
    expect(h.sim.apiRequests()).toHaveLength(0);
  });

  it('is annotated read-only and local', async () => {
    const { tools } = await h.client.listTools();
    const t = tools.find((x) => x.name === 'validate_video_agent_prompt')!;
    expect(t.annotations).toMatchObject({ readOnlyHint: true, openWorldHint: false });
  });
});

describe('video_agent_prompt', () => {
  it.each(VISUAL_STYLES.map((s) => [s.name, s]))('renders with the full spec of %s', async (_name, style) => {
    const r = await h.client.getPrompt({ name: 'video_agent_prompt', arguments: { brief: 'Quarterly results of a bakery chain', style: style.name, duration_seconds: '60', orientation: 'portrait' } });
    const text = r.messages.map((m) => (m.content as { text: string }).text).join('\n');
    expect(text).toContain(`${style.number}. ${style.name} — after ${style.designer}`);
    for (const p of style.palette) if (p.hex) expect(text).toContain(p.hex);
    for (const part of ['5-layer B-roll', 'Motion vocabulary', 'Transitions by style', '150 words', 'What does not work', 'Writing the AVATAR']) expect(text).toContain(part);
    for (const tool of ['validate_video_agent_prompt', 'create_video_agent', 'wait_for_job', 'download_video']) expect(text).toContain(tool);
    expect(text).toContain('60 seconds');
  });

  it('shows the table of all 20 styles when none is chosen, and says so for an unknown one', async () => {
    const none = await h.client.getPrompt({ name: 'video_agent_prompt', arguments: { brief: 'x' } });
    const text = (none.messages[0]!.content as { text: string }).text;
    for (const s of VISUAL_STYLES) expect(text).toContain(s.name);
    const odd = await h.client.getPrompt({ name: 'video_agent_prompt', arguments: { brief: 'x', style: 'Bauhaus Neon' } });
    expect((odd.messages[0]!.content as { text: string }).text).toContain('"Bauhaus Neon" is not one of the 20');
  });

  it('completes style, orientation and duration', async () => {
    const ref = { type: 'ref/prompt' as const, name: 'video_agent_prompt' };
    expect((await h.client.complete({ ref, argument: { name: 'style', value: 'sw' } })).completion.values).toEqual(['Swiss Pulse']);
    expect((await h.client.complete({ ref, argument: { name: 'style', value: '' } })).completion.values).toHaveLength(20);
    expect((await h.client.complete({ ref, argument: { name: 'orientation', value: 'p' } })).completion.values).toEqual(['portrait']);
    expect((await h.client.complete({ ref, argument: { name: 'duration_seconds', value: '9' } })).completion.values).toEqual(['90']);
  });
});

describe('avatar_video_script', () => {
  it('renders the precise path and points to the create tools', async () => {
    const r = await h.client.getPrompt({ name: 'avatar_video_script', arguments: { brief: 'Welcome new hires', duration_seconds: '60', orientation: 'portrait' } });
    const text = r.messages.map((m) => (m.content as { text: string }).text).join('\n');
    for (const part of ['<break time=', 'caption', 'background', '9:16', 'about 150 words', 'create_avatar_video', 'create_studio_video', 'wait_for_job']) expect(text).toContain(part);
  });

  it('completes orientation', async () => {
    const r = await h.client.complete({ ref: { type: 'ref/prompt', name: 'avatar_video_script' }, argument: { name: 'orientation', value: 'sq' } });
    expect(r.completion.values).toEqual(['square']);
  });
});

describe('visual style resources', () => {
  it('lists the index and all 20 styles', async () => {
    const index = JSON.parse(textOf(await h.client.readResource({ uri: 'heygen://visual-styles' })));
    expect(index.styles).toHaveLength(20);
    const { resources } = await h.client.listResources();
    expect(resources.filter((r) => r.uri.startsWith('heygen://visual-styles/'))).toHaveLength(20);
  });

  it('reads one style by slug with its palette and paste-ready block', async () => {
    const s = JSON.parse(textOf(await h.client.readResource({ uri: 'heygen://visual-styles/swiss-pulse' })));
    expect(s).toMatchObject({ name: 'Swiss Pulse', designer: 'Josef Müller-Brockmann' });
    expect(s.style_block).toMatch(/^STYLE — SWISS PULSE \(Müller-Brockmann\):/);
    expect(JSON.stringify(s.palette)).toContain('#0066FF');
  });

  it('completes the style name and refuses an unknown one', async () => {
    const r = await h.client.complete({ ref: { type: 'ref/resource', uri: 'heygen://visual-styles/{name}' }, argument: { name: 'name', value: 'd' } });
    // Names that start with what was typed come first, then names that merely contain it.
    expect(r.completion.values.slice(0, 4)).toEqual(VISUAL_STYLES.filter((s) => s.slug.startsWith('d')).map((s) => s.slug));
    expect(r.completion.values).toContain('red-wire');
    await expect(h.client.readResource({ uri: 'heygen://visual-styles/bauhaus' })).rejects.toThrow(/Resource not found: "heygen:\/\/visual-styles\/bauhaus". No visual style is called that/);
  });
});

describe('docs resources', () => {
  const topics = Object.keys(DOC_TOPICS);

  it('has one topic per seed reference area', () => {
    expect(topics).toEqual(expect.arrayContaining(['video-agent', 'prompt-guide', 'visual-styles', 'prompt-examples', 'avatars', 'voices', 'video-generation', 'scripts', 'captions', 'backgrounds', 'dimensions', 'text-overlays', 'assets', 'photo-avatars', 'templates', 'translation', 'text-to-speech', 'webhooks', 'quota', 'video-status', 'errors', 'remotion']));
  });

  it.each(topics)('heygen://docs/%s is markdown that names only v3 endpoints and real tools', async (topic) => {
    const r = await h.client.readResource({ uri: `heygen://docs/${topic}` });
    const c = r.contents[0] as { text: string; mimeType: string };
    expect(c.mimeType).toBe('text/markdown');
    const lines = c.text.split('\n').length;
    expect(lines).toBeGreaterThanOrEqual(30);
    expect(lines).toBeLessThanOrEqual(130);
    expect(c.text).not.toMatch(/\/v[12]\//);
    expect(c.text).not.toMatch(/\bv[12] (endpoint|api)\b/i);
    if (topic !== 'prompt-guide' && topic !== 'prompt-examples') expect(c.text).toMatch(/\/v3\//);
    const mentioned = [...c.text.matchAll(/`((?:create|get|list|delete|update|wait|download|upload|send|stop|design|clone|rotate|start|generate|validate)_[a-z_]+)`/g)].map((m) => m[1]!).filter((n) => !/_(url|time|id|ids|at|type)$/.test(n));
    expect(mentioned.length).toBeGreaterThan(0);
    for (const n of mentioned) expect(CATALOG, `${topic} names unknown tool ${n}`).toContain(n);
  });

  it('has an index, completion, a listing, and refuses unknown topics', async () => {
    const index = JSON.parse(textOf(await h.client.readResource({ uri: 'heygen://docs' })));
    expect(index.topics).toHaveLength(topics.length);
    const r = await h.client.complete({ ref: { type: 'ref/resource', uri: 'heygen://docs/{topic}' }, argument: { name: 'topic', value: 'vi' } });
    expect(r.completion.values).toEqual(['video-agent', 'visual-styles', 'video-generation', 'video-status']);
    const { resources } = await h.client.listResources();
    expect(resources.filter((x) => x.uri.startsWith('heygen://docs/'))).toHaveLength(topics.length);
    await expect(h.client.readResource({ uri: 'heygen://docs/..%2Fpackage' })).rejects.toThrow(/Resource not found: .*No docs topic is called that/);
  });
});
