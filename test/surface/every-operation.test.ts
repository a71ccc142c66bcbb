import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setMultipartThresholdForTests } from '../../src/uploads/upload.js';
import { connect, type Harness } from '../helpers/harness.js';
import type { RecordedRequest } from '../../src/sandbox/types.js';
import { pickLook } from '../videos/helpers.js';
import { loadOperations, operationOf, schemaProblems, specPresent } from './v3-schema.js';

/**
 * Every one of HeyGen's 85 v3 operations is reached by a tool of some toolset. Each step calls
 * the tool through the protocol and checks the request the simulator received (method, path,
 * and, where HeyGen's reference data is present, body and query against the v3 schema); each
 * then fails once with HeyGen refusing the request, and must come back as a clear tool error.
 */

const VIDEO = 'https://cdn.example.com/talk.mp4';
const AUDIO = 'https://cdn.example.com/dub.mp3';
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const SRT_URL = 'https://cdn.example.com/subs.srt';

type Ids = Record<string, string>;
interface Step {
  /** `METHOD /v3/path/{template}` as the v3 reference names it. */
  op: string;
  tool: string;
  args(ids: Ids): Record<string, unknown>;
  save?(out: Record<string, any>, ids: Ids): void | Promise<void>;
  /** Moves simulated time on before the call (jobs that must have finished). */
  advanceMs?: number;
}

let h: Harness;
const ids: Ids = {};

const STEPS: Step[] = [
  // account, catalogs
  { op: 'GET /v3/users/me', tool: 'get_account', args: () => ({}) },
  { op: 'GET /v3/avatars', tool: 'list_avatar_groups', args: () => ({ ownership: 'private', limit: 5 }) },
  { op: 'GET /v3/avatars/looks', tool: 'list_avatar_looks', args: () => ({ avatar_type: 'studio_avatar', limit: 5 }) },
  { op: 'GET /v3/avatars/looks/{look_id}', tool: 'get_avatar_look', args: (i) => ({ look_id: i.look! }) },
  { op: 'GET /v3/voices', tool: 'list_voices', args: () => ({ language: 'en', gender: 'female', limit: 3 }) },
  { op: 'GET /v3/voices/{voice_id}', tool: 'get_voice', args: (i) => ({ voice_id: i.voice! }) },
  { op: 'POST /v3/voices', tool: 'design_voice', args: () => ({ prompt: 'warm narrator', seed: 2 }) },
  { op: 'POST /v3/voices/speech', tool: 'create_speech', args: (i) => ({ text: 'Every operation.', voice_id: i.starfish!, input_type: 'text' }) },
  // avatars
  { op: 'POST /v3/avatars', tool: 'create_photo_avatar', args: () => ({ name: 'Surface photo', image: 'https://cdn.example.com/face.jpg' }), save: (o, i) => { i.group = o.group_id; i.newLook = o.look_id; } },
  { op: 'GET /v3/avatars/{group_id}', tool: 'get_avatar_group', args: (i) => ({ group_id: i.group! }) },
  { op: 'PATCH /v3/avatars/looks/{look_id}', tool: 'update_avatar_look', args: (i) => ({ look_id: i.newLook!, name: 'Renamed look' }), advanceMs: 5_000 },
  { op: 'POST /v3/avatars/{group_id}/consent', tool: 'start_avatar_consent', args: (i) => ({ group_id: i.twin! }) },
  { op: 'DELETE /v3/avatars/looks/{look_id}', tool: 'delete_avatar_look', args: (i) => ({ look_id: i.newLook! }) },
  { op: 'DELETE /v3/avatars/{group_id}', tool: 'delete_avatar_group', args: (i) => ({ group_id: i.twin! }) },
  { op: 'POST /v3/voices/clone', tool: 'clone_voice', args: () => ({ voice_name: 'Surface voice', audio: AUDIO }), save: (o, i) => { i.clone = o.voice_id; } },
  { op: 'DELETE /v3/voices/{voice_id}', tool: 'delete_voice', args: (i) => ({ voice_id: i.clone! }), advanceMs: 2_000 },
  // assets
  { op: 'POST /v3/assets', tool: 'upload_asset', args: () => ({ base64: PNG, filename: 'a.png' }), save: (o, i) => { i.asset = o.asset_id; } },
  { op: 'GET /v3/assets/{asset_id}', tool: 'get_asset', args: (i) => ({ asset_id: i.asset! }) },
  { op: 'GET /v3/assets', tool: 'list_assets', args: () => ({ username: 'sam', limit: 2 }) },
  { op: 'GET /v3/assets/search', tool: 'search_assets', args: () => ({ query: 'city skyline', type: 'image' }) },
  { op: 'POST /v3/assets/direct-uploads', tool: 'upload_asset', args: () => ({ base64: PNG, filename: 'big.png' }), save: (o, i) => { i.direct = o.asset_id; } },
  { op: 'POST /v3/assets/{asset_id}/complete', tool: 'upload_asset', args: () => ({ base64: PNG, filename: 'big2.png' }) },
  { op: 'DELETE /v3/assets/{asset_id}', tool: 'delete_asset', args: (i) => ({ asset_id: i.direct! }) },
  // videos
  { op: 'POST /v3/videos', tool: 'create_avatar_video', args: (i) => ({ avatar_id: i.look!, script: 'Hello there.', voice_id: i.voice! }), save: (o, i) => { i.video = o.video_id; } },
  { op: 'GET /v3/videos/{video_id}', tool: 'get_video', args: (i) => ({ video_id: i.video! }) },
  { op: 'GET /v3/videos', tool: 'list_videos', args: () => ({ title: 'x', limit: 3 }) },
  { op: 'GET /v3/videos/statuses', tool: 'get_job_statuses', args: (i) => ({ kind: 'video', ids: [i.video!] }) },
  { op: 'POST /v3/videos/batches', tool: 'create_video_batch', args: (i) => ({ videos: [{ type: 'avatar', avatar_id: i.look!, script: 'Batch.', voice_id: i.voice! }] }), save: (o, i) => { i.videoBatch = o.batch_id; } },
  { op: 'GET /v3/videos/batches/{batch_id}', tool: 'get_batch', args: (i) => ({ kind: 'video', batch_id: i.videoBatch! }) },
  { op: 'DELETE /v3/videos/{video_id}', tool: 'delete_video', args: (i) => ({ video_id: i.video! }) },
  // templates
  { op: 'GET /v3/templates', tool: 'list_templates', args: () => ({ limit: 2 }), save: (o, i) => { i.template = o.templates[0].template_id; } },
  { op: 'GET /v3/templates/{template_id}', tool: 'get_template', args: (i) => ({ template_id: i.template! }) },
  { op: 'POST /v3/templates/{template_id}', tool: 'create_video_from_template', args: (i) => ({ template_id: i.template!, variables: {} }) },
  // video agent
  { op: 'POST /v3/video-agents', tool: 'create_video_agent', args: () => ({ prompt: 'A short upbeat explainer about solar panels for homeowners.', mode: 'chat' }), save: (o, i) => { i.session = o.session_id; } },
  { op: 'GET /v3/video-agents/{session_id}', tool: 'get_video_agent_session', args: (i) => ({ session_id: i.session!, messages: 40 }), advanceMs: 2_000, save: (o, i) => { i.resource = o.messages.flatMap((m: any) => m.resource_ids ?? [])[0]; } },
  { op: 'GET /v3/video-agents/{session_id}/resources/{resource_id}', tool: 'get_video_agent_resource', args: (i) => ({ session_id: i.session!, resource_id: i.resource! }) },
  { op: 'POST /v3/video-agents/{session_id}', tool: 'send_video_agent_message', args: (i) => ({ session_id: i.session!, message: 'Make it shorter, please.' }) },
  { op: 'GET /v3/video-agents/{session_id}/videos', tool: 'list_video_agent_videos', args: (i) => ({ session_id: i.session! }) },
  { op: 'POST /v3/video-agents/{session_id}/stop', tool: 'stop_video_agent_session', args: (i) => ({ session_id: i.session! }) },
  { op: 'GET /v3/video-agents', tool: 'list_video_agent_sessions', args: () => ({ limit: 2 }) },
  { op: 'GET /v3/video-agents/styles', tool: 'list_video_agent_styles', args: () => ({ limit: 2 }) },
  // translation and proofreads
  { op: 'GET /v3/video-translations/languages', tool: 'list_video_translation_languages', args: () => ({}) },
  { op: 'POST /v3/video-translations', tool: 'create_video_translation', args: () => ({ video: { type: 'url', url: VIDEO }, output_languages: ['German'], brand_voice_id: 'bv_1', enable_watermark: false }), save: (o, i) => { i.translation = o.translations[0].video_translation_id; } },
  { op: 'GET /v3/video-translations/{video_translation_id}', tool: 'get_video_translation', args: (i) => ({ id: i.translation! }) },
  { op: 'GET /v3/video-translations', tool: 'list_video_translations', args: () => ({ limit: 2 }) },
  { op: 'PATCH /v3/video-translations/{video_translation_id}', tool: 'rename_video_translation', args: (i) => ({ video_translation_id: i.translation!, title: 'DE' }) },
  { op: 'GET /v3/video-translations/statuses', tool: 'get_job_statuses', args: (i) => ({ kind: 'video_translation', ids: [i.translation!] }) },
  { op: 'POST /v3/video-translations/batches', tool: 'create_video_translation_batch', args: () => ({ video_translations: [{ video: VIDEO, output_language: 'French (France)' }] }), save: (o, i) => { i.translationBatch = o.batch_id; } },
  { op: 'GET /v3/video-translations/batches/{batch_id}', tool: 'get_batch', args: (i) => ({ kind: 'video_translation', batch_id: i.translationBatch! }) },
  { op: 'DELETE /v3/video-translations/{video_translation_id}', tool: 'delete_video_translation', args: (i) => ({ video_translation_id: i.translation! }) },
  { op: 'POST /v3/video-translations/proofreads', tool: 'create_translation_proofread', args: () => ({ video: VIDEO, output_languages: ['German'], title: 'Proof', brand_voice_id: 'bv_1' }), save: (o, i) => { i.proofread = o.proofreads[0].proofread_id; } },
  { op: 'GET /v3/video-translations/proofreads/{proofread_id}', tool: 'get_translation_proofread', args: (i) => ({ proofread_id: i.proofread! }), advanceMs: 3_000 },
  { op: 'GET /v3/video-translations/proofreads/{proofread_id}/srt', tool: 'get_proofread_subtitles', args: (i) => ({ proofread_id: i.proofread! }) },
  { op: 'PUT /v3/video-translations/proofreads/{proofread_id}/srt', tool: 'update_proofread_subtitles', args: (i) => ({ proofread_id: i.proofread!, srt: SRT_URL }) },
  { op: 'POST /v3/video-translations/proofreads/{proofread_id}/generate', tool: 'generate_from_proofread', args: (i) => ({ proofread_id: i.proofread!, captions: true }) },
  // lipsync
  { op: 'POST /v3/lipsyncs', tool: 'create_lipsync', args: () => ({ video: VIDEO, audio: AUDIO, fps_mode: 'cfr', enable_watermark: false }), save: (o, i) => { i.lipsync = o.lipsync_id; } },
  { op: 'GET /v3/lipsyncs/{lipsync_id}', tool: 'get_lipsync', args: (i) => ({ lipsync_id: i.lipsync! }) },
  { op: 'GET /v3/lipsyncs', tool: 'list_lipsyncs', args: () => ({ limit: 2 }) },
  { op: 'PATCH /v3/lipsyncs/{lipsync_id}', tool: 'rename_lipsync', args: (i) => ({ lipsync_id: i.lipsync!, title: 'Dub' }) },
  { op: 'GET /v3/lipsyncs/statuses', tool: 'get_job_statuses', args: (i) => ({ kind: 'lipsync', ids: [i.lipsync!] }) },
  { op: 'POST /v3/lipsyncs/batches', tool: 'create_lipsync_batch', args: () => ({ lipsyncs: [{ video: VIDEO, audio: `${AUDIO}?b` }] }), save: (o, i) => { i.lipsyncBatch = o.batch_id; } },
  { op: 'GET /v3/lipsyncs/batches/{batch_id}', tool: 'get_batch', args: (i) => ({ kind: 'lipsync', batch_id: i.lipsyncBatch! }) },
  { op: 'DELETE /v3/lipsyncs/{lipsync_id}', tool: 'delete_lipsync', args: (i) => ({ lipsync_id: i.lipsync! }) },
  // upload batches
  { op: 'POST /v3/assets/direct-uploads/batches', tool: 'create_asset_upload_batch', args: () => ({ files: [{ filename: 'x.png', content_type: 'image/png', size_bytes: 68 }] }), save: (o, i) => { i.assetBatch = o.batch_id; i.batchAsset = o.uploads[0].asset_id; } },
  { op: 'POST /v3/assets/complete/batches', tool: 'complete_asset_upload_batch', args: (i) => ({ batch_id: i.assetBatch! }) },
  { op: 'GET /v3/assets/batches/{batch_id}', tool: 'get_batch', args: (i) => ({ kind: 'asset', batch_id: i.assetBatch! }) },
  { op: 'GET /v3/assets/statuses', tool: 'get_job_statuses', args: (i) => ({ kind: 'asset', ids: [i.batchAsset!], batch_ids: [i.assetBatch!] }) },
  // studio extras
  { op: 'POST /v3/background-removals', tool: 'create_background_removal', args: () => ({ video: VIDEO, layers: ['foreground'] }), save: (o, i) => { i.removal = o.job_id; } },
  { op: 'GET /v3/background-removals/{job_id}', tool: 'get_background_removal', args: (i) => ({ job_id: i.removal! }) },
  { op: 'GET /v3/background-removals', tool: 'list_background_removals', args: () => ({ limit: 2 }) },
  { op: 'DELETE /v3/background-removals/{job_id}', tool: 'delete_background_removal', args: (i) => ({ job_id: i.removal! }) },
  { op: 'POST /v3/ai-clipping', tool: 'create_ai_clipping', args: () => ({ video: VIDEO, durations: ['60'], captions: true }), save: (o, i) => { i.clipping = o.job_id; } },
  { op: 'GET /v3/ai-clipping/{job_id}', tool: 'get_ai_clipping', args: (i) => ({ job_id: i.clipping! }) },
  { op: 'GET /v3/ai-clipping', tool: 'list_ai_clippings', args: () => ({ limit: 2 }) },
  { op: 'DELETE /v3/ai-clipping/{job_id}', tool: 'delete_ai_clipping', args: (i) => ({ job_id: i.clipping! }) },
  { op: 'GET /v3/brand-kits', tool: 'list_brand_kits', args: () => ({}) },
  { op: 'GET /v3/brand-glossaries', tool: 'list_brand_glossaries', args: () => ({}) },
  { op: 'GET /v3/audio/sounds', tool: 'search_sounds', args: () => ({ query: 'calm piano', type: 'music' }) },
  // webhooks
  { op: 'GET /v3/webhooks/event-types', tool: 'list_webhook_event_types', args: () => ({}) },
  { op: 'POST /v3/webhooks/endpoints', tool: 'create_webhook_endpoint', args: () => ({ url: 'https://hooks.example.com/heygen', events: ['avatar_video.success'] }), save: (o, i) => { i.endpoint = o.endpoint_id; } },
  { op: 'GET /v3/webhooks/endpoints', tool: 'list_webhook_endpoints', args: () => ({ limit: 2 }) },
  { op: 'PATCH /v3/webhooks/endpoints/{endpoint_id}', tool: 'update_webhook_endpoint', args: (i) => ({ endpoint_id: i.endpoint!, events: ['avatar_video.fail'] }) },
  { op: 'POST /v3/webhooks/endpoints/{endpoint_id}/rotate-secret', tool: 'rotate_webhook_secret', args: (i) => ({ endpoint_id: i.endpoint! }) },
  { op: 'GET /v3/webhooks/events', tool: 'list_webhook_events', args: () => ({ limit: 2 }) },
  { op: 'DELETE /v3/webhooks/endpoints/{endpoint_id}', tool: 'delete_webhook_endpoint', args: (i) => ({ endpoint_id: i.endpoint! }) },
];

const ops = loadOperations();
const pattern = (op: string) => {
  const [method, path] = op.split(' ') as [string, string];
  return { method, regex: new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`) };
};
const matches = (op: string) => (r: RecordedRequest) => {
  const p = pattern(op);
  return r.method === p.method && p.regex.test(r.path) && r.path.split('/').length === op.split(' ')[1]!.split('/').length
    && !STEPS.some((s) => s.op !== op && s.op.split(' ')[1]!.split('/').length === r.path.split('/').length && literalFits(s.op, r) && literalCount(s.op) > literalCount(op));
};
const literalCount = (op: string) => op.split(' ')[1]!.split('/').filter((s) => s && !s.startsWith('{')).length;
const literalFits = (op: string, r: RecordedRequest) => { const p = pattern(op); return r.method === p.method && p.regex.test(r.path); };

beforeAll(async () => {
  h = await connect();
  const look = await pickLook(h);
  ids.look = look.look_id;
  ids.voice = look.default_voice_id;
  ids.starfish = (await h.deps.heygen.voices.list({ engine: 'starfish', limit: 1 })).items[0]!.voice_id;
  ids.twin = (await h.ok('create_digital_twin', { name: 'Surface twin', footage: VIDEO })).group_id;
});
afterAll(async () => {
  setMultipartThresholdForTests();
  await h.close();
});

describe('every v3 operation has a tool', () => {
  it('the table names 85 distinct operations, and (with the reference data) exactly HeyGen\'s 85', () => {
    const names = STEPS.map((s) => s.op);
    expect(new Set(names).size).toBe(85);
    if (specPresent) expect([...names].sort()).toEqual(ops.map((o) => `${o.method} ${o.path}`).sort());
  });

  it.skipIf(!specPresent)('the schema check itself refuses an unknown field, a wrong enum and a missing required field', () => {
    const create = ops.find((o) => o.method === 'POST' && o.path === '/v3/lipsyncs')!.requestSchema!;
    expect(schemaProblems(create, { video: { type: 'url', url: VIDEO }, audio: { type: 'url', url: AUDIO }, mode: 'fast', colour: 'red' })).toEqual([
      'body.mode: "fast" is not one of speed, precision', 'body.colour: not a field of the v3 schema',
    ]);
    expect(schemaProblems(create, { video: { type: 'url', url: VIDEO } })).toEqual(['body.audio: required']);
  });

  it.each(STEPS.map((s) => [s.op, s] as const))('%s — the tool sends it, and HeyGen gets a schema-valid request', async (_op, step) => {
    if (step.advanceMs) h.sim.advance(step.advanceMs);
    setMultipartThresholdForTests(step.op.startsWith('POST /v3/assets/') && step.op !== 'POST /v3/assets/direct-uploads/batches' ? 16 : undefined);
    h.sim.clearRequests();
    const out = await h.ok(step.tool, { ...step.args(ids), ...(STEP_SPENDS.has(step.tool) ? { allow_duplicate: true } : {}) });
    await step.save?.(out, ids);
    const sent = h.sim.apiRequests().filter(matches(step.op));
    expect(sent.length, `${step.tool} did not send ${step.op}: ${h.sim.apiRequests().map((r) => `${r.method} ${r.path}`).join(', ')}`).toBeGreaterThan(0);
    if (!specPresent) return;
    for (const r of sent) {
      const op = operationOf(ops, r.method, r.path);
      expect(op && `${op.method} ${op.path}`).toBe(step.op);
      // The multipart upload's body is a file part, not JSON (tested in test/assets).
      const problems = op!.bodyEncoding === 'multipart' ? [] : op!.requestSchema ? schemaProblems(op!.requestSchema, r.body) : r.body === undefined || r.body === null || (typeof r.body === 'object' && Object.keys(r.body).length === 0) ? [] : ['a body where the v3 schema has none'];
      const known = new Set(op!.queryParams.map((q) => q.name));
      for (const k of Object.keys(r.query)) if (!known.has(k)) problems.push(`query ${k}: not a v3 query parameter`);
      for (const q of op!.queryParams) if (q.required && r.query[q.name] === undefined) problems.push(`query ${q.name}: required`);
      expect(problems, `${step.op}: ${JSON.stringify(r.body)}`).toEqual([]);
    }
  });

  it.each(STEPS.map((s) => [s.op, s] as const))('%s — HeyGen refusing it comes back as a clear tool error', async (op, step) => {
    setMultipartThresholdForTests(step.op.startsWith('POST /v3/assets/') && step.op !== 'POST /v3/assets/direct-uploads/batches' ? 16 : undefined);
    const p = pattern(op);
    h.sim.fault({ method: p.method, path: p.regex, kind: 'status', status: 403, times: 5 });
    h.sim.clearRequests();
    // Cached reads (languages, event types) must reach HeyGen to be refused.
    h.deps.state.cache.invalidate();
    const text = await h.fails(step.tool, { ...step.args(ids), ...(STEP_SPENDS.has(step.tool) ? { allow_duplicate: true } : {}) });
    h.sim.clearFaults();
    expect(text).toMatch(/refused|forbidden|403/i);
    expect(text).not.toMatch(/\n\s+at |<html|sk_/i);
    // A 403 is final: HeyGen is asked once, not retried.
    expect(h.sim.apiRequests().filter(matches(op))).toHaveLength(1);
  });
});

const STEP_SPENDS = new Set(['create_speech', 'create_photo_avatar', 'clone_voice', 'create_avatar_video', 'create_video_batch', 'create_video_from_template', 'create_video_agent',
  'send_video_agent_message', 'create_video_translation', 'create_video_translation_batch', 'create_translation_proofread', 'generate_from_proofread', 'create_lipsync',
  'create_lipsync_batch', 'create_background_removal', 'create_ai_clipping']);
