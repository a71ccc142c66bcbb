import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Harness } from '../helpers/harness.js';
import { pickLook } from '../videos/helpers.js';
import { launchBrowser, openView, type Browser } from './browser.js';

/** In the view: the video has data for the current frame at least (HAVE_CURRENT_DATA). */
const PLAYABLE = () => ((globalThis as any).document.querySelector('video')?.readyState ?? 0) >= 2;

let h: Harness;
let browser: Browser;
beforeAll(async () => {
  // Real-time speed: the render waits for the test to move the simulated clock on.
  [h, browser] = await Promise.all([connect({ sim: { speed: 1 } }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await h?.close();
});

describe('render view (wait_for_job, get_video) in Chromium', () => {
  it('shows the render in progress, then plays the finished MP4 and downloads through the server', async () => {
    const look = await pickLook(h);
    const { video_id } = await h.ok('create_avatar_video', { avatar_id: look.look_id, script: 'A render the view follows.' });
    const args = { kind: 'video', id: video_id, timeout_seconds: 1 };
    const first = await h.call('wait_for_job', args);
    expect(first.structuredContent).toMatchObject({ done: false });

    const v = await openView(browser, h, 'wait_for_job', args);
    await v.sendResult(first);
    await v.frame.locator('progress').waitFor({ timeout: 10_000 });
    await v.frame.getByText('Rendering video').waitFor();
    await v.screenshot('render-progress');

    h.sim.advance(120_000); // 120 simulated seconds: past the ~90 s render
    const video = v.frame.locator('video');
    await video.waitFor({ timeout: 15_000 });
    await v.frame.waitForFunction(PLAYABLE, undefined, { timeout: 15_000 });
    expect(await video.getAttribute('src')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/files\/.*\.mp4/);
    // The view waited through the host, with this server's own tool.
    const calls = (await v.events()).filter((e) => e.type === 'call').map((e) => (e.params as { name: string }).name);
    expect(new Set(calls)).toEqual(new Set(['wait_for_job']));
    // Enough buffered to play through, so the picture is the video and not a loading spinner.
    await v.frame.waitForFunction(() => (globalThis as any).document.querySelector('video').readyState >= 4, undefined, { timeout: 15_000 });
    await v.screenshot('render-player');

    await v.frame.getByRole('button', { name: 'Download' }).click();
    await v.frame.getByText(/Saved to .*\.mp4/).waitFor({ timeout: 15_000 });

    await v.frame.getByRole('button', { name: 'Translate' }).click();
    const msg = await v.waitForEvent('message');
    expect(JSON.stringify(msg)).toContain(`video ${video_id} into Spanish`);
    await v.page.close();
  });

  it('follows a Video Agent session while it works, then plays the video it made', async () => {
    const s = await h.ok('create_video_agent', { prompt: 'A 20 second teaser for a neighbourhood bakery.' });
    const args = { kind: 'video_agent_session', id: s.session_id, timeout_seconds: 1 };
    const first = await h.call('wait_for_job', args);
    expect(first.structuredContent).toMatchObject({ done: false });
    const v = await openView(browser, h, 'wait_for_job', args);
    await v.sendResult(first);
    await v.frame.getByText('Video Agent is working').waitFor({ timeout: 10_000 });
    h.sim.advance(30 * 60_000); // far past the ~6 min the simulated agent takes
    await v.frame.locator('video').waitFor({ timeout: 20_000 });
    await v.frame.waitForFunction(PLAYABLE, undefined, { timeout: 15_000 });
    await v.page.close();
  });

  it('over HTTP, get_video opens straight on the player, switches to the captioned file, and Download hands the fresh link to the host', async () => {
    const hh = await connect({ simulator: h.sim, transport: 'http' });
    try {
      const look = await pickLook(hh);
      const { video_id } = await hh.ok('create_avatar_video', { avatar_id: look.look_id, script: 'A finished video over HTTP.', captions: 'burned_in' });
      h.sim.advance(120_000);
      const v = await openView(browser, hh, 'get_video', { video_id });
      await v.sendResult(await hh.call('get_video', { video_id }));
      await v.frame.waitForFunction(PLAYABLE, undefined, { timeout: 15_000 });
      // The captioned variant is one switch away, and Download then asks for that file.
      const plain = await v.frame.locator('video').getAttribute('src');
      await v.frame.getByLabel('Burned-in captions').check();
      await v.frame.waitForFunction((before) => (globalThis as any).document.querySelector('video').getAttribute('src') !== before, plain, { timeout: 5_000 });
      await v.frame.waitForFunction(PLAYABLE, undefined, { timeout: 15_000 });
      await v.frame.getByRole('button', { name: 'Download' }).click();
      await v.waitForEvent('call', (p) => p.name === 'download_video' && p.arguments.captioned === true);
      const download = await v.waitForEvent('download');
      expect(download.contents[0]).toMatchObject({ type: 'resource_link', name: `${video_id}.mp4`, uri: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/files\//) });
      await v.frame.getByRole('button', { name: 'Open share page' }).click();
      expect((await v.waitForEvent('link')).url).toMatch(/^https?:\/\//);
      await v.page.close();
    } finally {
      await hh.close();
    }
  });
});
