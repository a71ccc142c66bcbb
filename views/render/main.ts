import { callTool, clock, el, errorText, startView, str, type Json } from '../shared/app.js';

/** One view of a job, whichever tool reported it (wait_for_job or get_video). */
interface Job {
  kind: string;
  id: string;
  status: string;
  done: boolean;
  failed: boolean;
  needsInput: boolean;
  progress?: number;
  videoId?: string;
  videoUrl?: string;
  captionedUrl?: string;
  vttUrl?: string;
  subtitleUrl?: string;
  pageUrl?: string;
  duration?: number;
  failure?: string;
  agentMessage?: string;
}

/** Job kinds whose result is a video this view can play. */
const PLAYABLE = new Set(['video', 'video_agent_session', 'video_translation']);
/** How long each wait_for_job call may block; short, so the bar moves. */
const WAIT_SECONDS = 6;

function jobOf(sc: Json): Job {
  const done = sc.done === true || sc.status === 'completed';
  const kind = str(sc.kind) ?? 'video';
  const id = str(sc.id) ?? str(sc.video_id) ?? '';
  return {
    kind, id, done,
    status: str(sc.status) ?? 'unknown',
    failed: sc.failed === true || sc.status === 'failed',
    needsInput: sc.needs_input === true,
    progress: typeof sc.progress === 'number' ? sc.progress : undefined,
    videoId: str(sc.video_id) ?? (kind === 'video' ? id : undefined),
    videoUrl: str(sc.video_url), captionedUrl: str(sc.captioned_video_url), vttUrl: str(sc.vtt_caption_url),
    subtitleUrl: str(sc.subtitle_url), pageUrl: str(sc.video_page_url),
    duration: typeof sc.duration === 'number' ? sc.duration : undefined,
    failure: str(sc.failure_message) ?? str(sc.failure_code), agentMessage: str(sc.agent_message),
  };
}

const root = document.getElementById('root')!;
let following = 0;

const app = startView('render', {
  input(args) {
    const id = str(args.id) ?? str(args.video_id);
    if (id) show(el('p', { class: 'muted' }, `Waiting for ${str(args.kind) ?? 'video'} ${id}…`));
  },
  result(r) {
    if (r.isError || !r.structuredContent) return show(el('p', { class: 'error', role: 'alert' }, errorText(r)));
    void follow(jobOf(r.structuredContent));
  },
  // A newer run number ends the wait loop after its current call.
  stop() { following++; },
});

function show(...nodes: (Node | null)[]): void {
  root.replaceChildren(...nodes.filter((n): n is Node => n !== null));
}

/** Shows the job and keeps waiting through the host until it settles; then the player. */
async function follow(first: Job): Promise<void> {
  const run = ++following;
  let job = first;
  const started = Date.now();
  while (!job.done && !job.failed && !job.needsInput && run === following) {
    showProgress(job, Date.now() - started);
    try {
      job = jobOf(await callTool(app, 'wait_for_job', { kind: job.kind, id: job.id, timeout_seconds: WAIT_SECONDS }));
    } catch (err) {
      return show(el('p', { class: 'error', role: 'alert' }, `Lost track of ${job.kind} ${job.id}: ${(err as Error).message}`));
    }
  }
  if (run !== following) return;
  if (job.failed) return show(el('h1', {}, 'Render failed'), el('p', { class: 'error', role: 'alert' }, job.failure ?? `${job.kind} ${job.id} failed.`));
  if (job.needsInput) return show(el('h1', {}, 'Waiting for you'), el('p', {}, job.agentMessage ?? `${job.kind} ${job.id} needs input before it can go on.`));
  // A finished agent session or translation names its video; get_video has the full set of links.
  if (!job.videoUrl && job.videoId && job.kind !== 'video') {
    try {
      job = { ...jobOf(await callTool(app, 'get_video', { video_id: job.videoId })), kind: job.kind };
    } catch (err) {
      return show(el('p', { class: 'error', role: 'alert' }, (err as Error).message));
    }
  }
  if (!job.videoUrl || !PLAYABLE.has(job.kind)) return show(el('h1', {}, 'Done'), el('p', {}, `${job.kind} ${job.id} is ${job.status}.`));
  showPlayer(job);
}

function showProgress(job: Job, elapsedMs: number): void {
  const bar = el('progress', { max: 100, 'aria-label': 'Render progress' });
  if (job.progress !== undefined) bar.value = job.progress;
  show(
    el('h1', {}, job.kind === 'video_agent_session' ? 'Video Agent is working' : 'Rendering video'),
    el('div', { class: 'status' },
      el('span', {}, el('span', { class: 'badge', 'data-status': job.status }, job.status), ' ', el('span', { class: 'muted small' }, job.id)),
      el('span', { class: 'muted small' }, job.progress !== undefined ? `${Math.round(job.progress)} %` : `${clock(elapsedMs / 1000)} waited`)),
    bar,
    el('p', { class: 'muted small' }, 'This view follows the render through the host and shows the video when it is ready.'),
  );
}

function showPlayer(job: Job): void {
  const videoId = job.videoId ?? job.id;
  const note = el('p', { class: 'note small muted', role: 'status' });
  const say = (text: string, error = false) => { note.textContent = text; note.className = `note small ${error ? 'error' : 'muted'}`; };
  const video = el('video', { controls: true, preload: 'auto', playsInline: true, src: job.videoUrl, 'aria-label': `Video ${videoId}` });
  video.muted = true; // autoplay policies allow muted playback; the person unmutes with the controls
  if (job.vttUrl) video.append(el('track', { kind: 'captions', src: job.vttUrl, srclang: 'en', label: 'Captions', default: true }));
  const length = el('span', { class: 'muted small' }, job.duration !== undefined ? clock(job.duration) : '');
  // HeyGen's figure until the file says how long it really is.
  video.addEventListener('loadedmetadata', () => { if (Number.isFinite(video.duration)) length.textContent = clock(video.duration); });
  video.addEventListener('error', () => say('The video link did not load (links expire); Download fetches a fresh one.', true));

  let captioned = false;
  const captionToggle = job.captionedUrl ? el('label', {},
    el('input', { type: 'checkbox', onchange: (e: Event) => {
      captioned = (e.target as HTMLInputElement).checked;
      video.src = (captioned ? job.captionedUrl : job.videoUrl) ?? '';
    } }), 'Burned-in captions') : null;

  const download = el('button', { class: 'primary', onclick: async () => {
    download.disabled = true;
    say('Downloading through the server…');
    try {
      const r = await callTool(app, 'download_video', { video_id: videoId, ...(captioned ? { captioned: true } : {}) });
      if (str(r.path)) say(`Saved to ${String(r.path)}`);
      else if (str(r.video_url)) await handOver(String(r.video_url), `${videoId}.mp4`, say);
      else say('The server saved nothing and gave no link.', true);
    } catch (err) {
      say((err as Error).message, true);
    } finally {
      download.disabled = false;
    }
  } }, 'Download');
  const share = job.pageUrl ? el('button', { onclick: () => void openLink(job.pageUrl!, say) }, 'Open share page') : null;
  const language = el('input', { type: 'text', value: 'Spanish', size: 10, 'aria-label': 'Translate into language' });
  const translate = el('button', { onclick: async () => {
    const lang = language.value.trim();
    if (!lang) return say('Name a language first.', true);
    if (!app.getHostCapabilities()?.message) return say(`This host takes no messages from views: ask the assistant to translate video ${videoId} into ${lang}.`, true);
    const r = await app.sendMessage({ role: 'user', content: [{ type: 'text', text: `Translate HeyGen video ${videoId} into ${lang} (create_video_translation).` }] }).catch((e: Error) => ({ isError: true, e }));
    say(r.isError ? 'The host did not take the request.' : `Asked to translate into ${lang}.`, r.isError === true);
  } }, 'Translate');
  show(
    el('h1', {}, 'Your video is ready'),
    video,
    el('div', { class: 'status' }, el('span', { class: 'muted small' }, videoId), length),
    el('div', { class: 'row actions' }, download, share, captionToggle),
    el('div', { class: 'row actions' }, language, translate),
    job.subtitleUrl ? el('p', { class: 'small' }, el('button', { onclick: () => void openLink(job.subtitleUrl!, say) }, 'Subtitles (SRT)')) : null,
    note,
  );
}

/** Over HTTP the server returns a link instead of a file: the host downloads it, or opens it. */
async function handOver(url: string, name: string, say: (t: string, e?: boolean) => void): Promise<void> {
  if (app.getHostCapabilities()?.downloadFile) {
    const r = await app.downloadFile({ contents: [{ type: 'resource_link', uri: url, name, mimeType: 'video/mp4' }] }).catch(() => ({ isError: true }));
    if (!r.isError) return say(`Download of ${name} handed to the host.`);
  }
  await openLink(url, say);
}

async function openLink(url: string, say: (t: string, e?: boolean) => void): Promise<void> {
  const r = await app.openLink({ url }).catch(() => ({ isError: true }));
  say(r.isError ? `The host would not open the link: ${url}` : 'Opened in the browser.', r.isError === true);
}
