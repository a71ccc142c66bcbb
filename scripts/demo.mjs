// npm run demo — the main workflow end to end against the built-in HeyGen simulator, over stdio,
// the way an MCP client such as Claude Desktop drives the server.
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { mkdtempSync, openSync, readSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SCRIPT_FRAMING } from '../dist/promptkit/method.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const downloadDir = process.env.HEYGEN_MCP_DOWNLOAD_DIR ?? mkdtempSync(join(tmpdir(), 'heygen-mcp-demo-'));
const tty = process.stdout.isTTY;
const bold = (s) => (tty ? `\x1b[1m${s}\x1b[0m` : s);
const dim = (s) => (tty ? `\x1b[2m${s}\x1b[0m` : s);
const started = Date.now();
const secs = () => ((Date.now() - started) / 1000).toFixed(1).padStart(5);
let stepNo = 0;
const step = (title) => console.log(`\n${bold(`${++stepNo}. ${title}`)} ${dim(`[${secs()} s]`)}`);
const info = (label, value) => console.log(`   ${label.padEnd(14)} ${value}`);

// A 40-second video, so the prompt follows the natural-flow method: length, presenter, tone,
// script, the framing line, literal text, and a style block at the end. The presenter is the look
// passed as avatar_id, so the prompt names "the selected presenter" and never describes them.
const PROMPT = `A 40-second landscape product explainer for Jotwise, a note-taking app that writes meeting summaries, for team leads who run back-to-back meetings.

The selected presenter speaks to camera, friendly and confident, like a founder showing early users something built for them.

Script:
Ever left a meeting and forgotten half of what was decided? Jotwise listens along, writes the summary and lists every action item with its owner. Teams in our beta got their summaries three times faster than writing them by hand. Try it free for fourteen days, and let your next meeting write its own notes.

${SCRIPT_FRAMING}

CRITICAL ON-SCREEN TEXT (display literally):
- "Notes that write themselves"
- "3x faster meeting summaries"
- "Free for 14 days"

Visual style: clean and bright. White background, one accent blue #2F6BFF, bold sans-serif headings. Motion graphics for the summary and the 3x figure, stock footage of a busy meeting room for the opening. Gentle slide-ins and soft cuts.`;

/**
 * Starts `heygen-mcp --sandbox` over stdio with the official v2 client in `auto` mode: it opens
 * with `server/discover` and speaks MCP 2026-07-28 when the server does (it does), as current
 * clients negotiate.
 */
function startServer() {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [join(root, 'dist/index.js'), '--sandbox'],
    env: { ...process.env, HEYGEN_MCP_DOWNLOAD_DIR: downloadDir },
    stderr: 'ignore',
  });
  const client = new Client({ name: 'heygen-mcp-demo', version: '1.0.0' }, { versionNegotiation: { mode: 'auto' } });
  return {
    connect: () => client.connect(transport),
    revision: () => (client.getProtocolEra() === 'modern' ? '2026-07-28' : '2025'),
    /** tools/list, or tools/call with a timeout that restarts on every progress notification. */
    request(method, params = {}, { timeoutMs = 60_000, onprogress } = {}) {
      if (method === 'tools/list') return client.listTools();
      return client.callTool(params, { timeout: timeoutMs, resetTimeoutOnProgress: true, ...(onprogress ? { onprogress } : {}) });
    },
    close: () => client.close(),
  };
}

async function main() {
  console.log(bold('heygen-mcp demo — prompt to finished video, on the built-in sandbox'));
  console.log(dim(`   files go to ${downloadDir}`));
  const server = startServer();
  await server.connect();
  const tools = new Set((await server.request('tools/list')).tools.map((t) => t.name));
  console.log(dim(`   connected over stdio (MCP ${server.revision()}): ${tools.size} tools`));

  /** The whole tool result: structuredContent for the data, content for the notes. */
  const callFull = async (name, args = {}, opts = {}) => {
    const r = await server.request('tools/call', { name, arguments: args }, opts);
    if (r.isError) throw new Error(`${name}: ${r.content.map((c) => c.text ?? '').join(' ')}`);
    return r;
  };
  const call = async (name, args = {}, opts = {}) => (await callFull(name, args, opts)).structuredContent;

  step('Account and credits');
  const acct = await call('get_account');
  info('account', acct.email ?? acct.username ?? '?');
  info('balance', `${acct.remaining_balance ?? acct.remaining_credits ?? '?'} ${acct.currency ?? 'credits'}`);

  step('Pick an avatar look and its default voice');
  let look;
  if (tools.has('list_avatar_looks')) {
    const looks = await call('list_avatar_looks', { limit: 10 });
    look = looks.looks.find((l) => l.default_voice_id) ?? looks.looks[0];
    info('avatar', `${look.name ?? look.look_id} (${look.look_id})`);
    info('voice', look.default_voice_id ?? 'the avatar default');
  } else {
    info('skipped', 'list_avatar_looks is not in this build; the agent will cast the video');
  }

  step('Video Agent styles');
  const styles = await call('list_video_agent_styles', { limit: 40 });
  const style = styles.styles.find((s) => s.name === 'Clean Slate') ?? styles.styles[0];
  info('styles', styles.styles.slice(0, 6).map((s) => s.name).join(', ') + ', …');
  info('chosen', `${style.name} (${style.style_id})`);

  const agentArgs = { style_id: style.style_id, orientation: 'landscape', ...(look ? { avatar_id: look.look_id } : {}) };

  if (tools.has('validate_video_agent_prompt')) {
    step('Check the prompt against the prompt method');
    const r = await callFull('validate_video_agent_prompt', { prompt: PROMPT, duration_seconds: 40, ...agentArgs });
    const v = r.structuredContent;
    info('result', `${v.ok ? 'ok' : 'has errors'}, ${v.errors.length} errors, ${v.warnings.length} warnings`);
    if (v.scenes) info('scenes', `${v.scenes}, ${v.total_seconds} s in all, about ${v.estimated_voiceover_seconds} s of voiceover`);
    for (const note of r.content.slice(1)) info('note', note.text);
    for (const f of [...v.errors, ...v.warnings].slice(0, 3)) info(`  ${f.rule}`, f.message);
  }

  step('create_video_agent with the natural-flow prompt');
  const session = await call('create_video_agent', { prompt: PROMPT, ...agentArgs });
  info('session', `${session.session_id} (${session.status})`);

  step('wait_for_job — progress notifications from the server');
  const agentDone = await waitFor(call, 'video_agent_session', session.session_id);
  info('video', `${agentDone.video_id} (${agentDone.duration ?? '?'} s)`);

  step('download_video');
  await download(call, { video_id: agentDone.video_id, filename: 'video-agent-explainer.mp4' });

  if (look) {
    step('Precise path: create_avatar_video, 9:16 with burned-in captions');
    const v = await call('create_avatar_video', {
      avatar_id: look.look_id,
      script: 'Three tips for better meetings: share the agenda, end five minutes early, and send the notes right away.',
      aspect_ratio: '9:16',
      captions: 'burned_in',
      title: 'Meeting tips (short)',
    });
    info('video', v.video_id);
    const done = await waitFor(call, 'video', v.video_id);
    info('status', `${done.status}, ${done.duration ?? '?'} s`);
    await download(call, { video_id: v.video_id, filename: 'meeting-tips-9x16.mp4', captioned: true });
  }

  await server.close();
  console.log(`\n${bold('Done')} in ${secs().trim()} s. Play the files above with any video player.`);
}

async function waitFor(call, kind, id) {
  for (let round = 1; ; round++) {
    const r = await call('wait_for_job', { kind, id, timeout_seconds: 45 }, { onprogress: (p) => bar(p) });
    if (tty) process.stdout.write('\n');
    if (r.done) return r;
    if (r.failed) throw new Error(`${kind} ${id} failed: ${r.failure_code} ${r.failure_message}`);
    if (r.needs_input) throw new Error(`${kind} ${id} waits for input: ${r.agent_message}`);
    info('still running', `round ${round}; again in ${r.suggested_poll_seconds} s`);
  }
}

function bar(p) {
  const width = 30;
  const label = p.message ?? '';
  if (p.total) {
    const frac = Math.max(0, Math.min(1, p.progress / p.total));
    const line = `   [${'#'.repeat(Math.round(frac * width)).padEnd(width, '.')}] ${String(Math.round(frac * 100)).padStart(3)}%  ${label}`;
    if (tty) process.stdout.write(`\r${line.padEnd(90)}`);
    else console.log(line);
  } else {
    const line = `   [${'~'.repeat(Math.min(width, Math.round(p.progress))).padEnd(width, '.')}] ${String(p.progress).padStart(3)} s  ${label}`;
    if (tty) process.stdout.write(`\r${line.padEnd(90)}`);
    else console.log(line);
  }
}

async function download(call, args) {
  const d = await call('download_video', args);
  const fd = openSync(d.path, 'r');
  const head = Buffer.alloc(12);
  readSync(fd, head, 0, 12, 0);
  closeSync(fd);
  const box = head.subarray(4, 8).toString('latin1');
  info('saved', d.path);
  info('size', `${d.size_bytes.toLocaleString('en-US')} bytes, ${box === 'ftyp' ? `MP4 (ftyp ${head.subarray(8, 12).toString('latin1')})` : 'not an MP4?'}`);
  return d;
}

main().catch((err) => {
  console.error(`\ndemo failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
