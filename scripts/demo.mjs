// npm run demo — the main workflow end to end against the built-in HeyGen simulator, over stdio,
// the way an MCP client such as Claude Desktop drives the server.
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { mkdtempSync, openSync, readSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

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

const PROMPT = `FORMAT: A 40-second product explainer for a note-taking app, landscape, upbeat energy. Think: a launch teaser.

TONE: Friendly and confident, like a founder talking to early users.

AVATAR: A presenter in a casual navy overshirt in a bright studio with plants and a laptop showing the app logo.

STYLE: Clean Slate. White background, one accent colour, bold sans-serif headings, gentle slide-in motion.

CRITICAL ON-SCREEN TEXT:
- "Notes that write themselves"
- "3x faster meeting summaries"
- "Free for 14 days"

---

SCENE 1 — A-ROLL (10s)
VOICEOVER: "Ever left a meeting and forgotten half of it? Let's fix that."
Presenter faces camera, warm smile.

SCENE 2 — FULL SCREEN B-ROLL (15s)
VOICEOVER: "Our app listens, writes the summary and lists every action item, three times faster than doing it by hand."
LAYER 1: White background with a soft blue gradient sweeping in.
LAYER 2: The headline "Notes that write themselves" types on, word by word.
LAYER 3: A counter animates up to "3x faster meeting summaries".

SCENE 3 — FULL SCREEN B-ROLL (8s)
VOICEOVER: "Every decision and every owner, in one tidy list."
LAYER 1: Soft grey paper texture drifting slowly.
LAYER 2: Checklist items pop in one at a time with a tick animation.
LAYER 3: The app logo scales up in the corner.

SCENE 4 — A-ROLL + OVERLAY (7s)
VOICEOVER: "Try it free for fourteen days. Your future self will thank you."
Presenter on the left; on the right "Free for 14 days" slides in and pulses once.

---

MUSIC: Light electronic pop in the spirit of ODESZA, building gently and peaking at the final line.

NARRATION STYLE: Conversational and brisk, a short pause before the big number, and a warm, slower close.`;

async function main() {
  console.log(bold('heygen-mcp demo — prompt to finished video, on the built-in sandbox'));
  console.log(dim(`   files go to ${downloadDir}`));
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [join(root, 'dist/index.js'), '--sandbox'],
    env: { ...process.env, HEYGEN_MCP_DOWNLOAD_DIR: downloadDir },
    stderr: 'ignore',
  });
  // `auto`: speak MCP 2026-07-28 when the server does (it does), as current clients negotiate.
  const client = new Client({ name: 'heygen-mcp-demo', version: '1.0.0' }, { versionNegotiation: { mode: 'auto' } });
  await client.connect(transport);
  const tools = new Set((await client.listTools()).tools.map((t) => t.name));
  console.log(dim(`   connected over stdio (MCP ${client.getProtocolEra() === 'modern' ? '2026-07-28' : '2025'}): ${tools.size} tools`));

  const call = async (name, args = {}, extra = {}) => {
    const r = await client.callTool({ name, arguments: args }, { timeout: 60_000, ...extra });
    if (r.isError) throw new Error(`${name}: ${r.content.map((c) => c.text ?? '').join(' ')}`);
    return r.structuredContent;
  };

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

  if (tools.has('validate_video_agent_prompt')) {
    step('Check the prompt against the prompt method');
    const v = await call('validate_video_agent_prompt', { prompt: PROMPT });
    info('result', `${v.ok ? 'ok' : 'has errors'}, ${v.errors.length} errors, ${v.warnings.length} warnings`);
    if (v.stats) info('stats', `${v.stats.scenes} scenes, ~${v.stats.total_seconds ?? '?'} s, ${v.stats.voiceover_words ?? '?'} voiceover words`);
    for (const e of v.errors.slice(0, 3)) info(`  ${e.rule}`, e.message);
  }

  step('create_video_agent with the structured prompt');
  const session = await call('create_video_agent', {
    prompt: PROMPT, style_id: style.style_id, orientation: 'landscape', ...(look ? { avatar_id: look.look_id } : {}),
  });
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

  await client.close();
  console.log(`\n${bold('Done')} in ${secs().trim()} s. Play the files above with any video player.`);
}

async function waitFor(call, kind, id) {
  for (let round = 1; ; round++) {
    const r = await call('wait_for_job', { kind, id, timeout_seconds: 45 }, {
      onprogress: (p) => bar(p),
      resetTimeoutOnProgress: true,
    });
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
