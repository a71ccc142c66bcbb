import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Harness } from '../helpers/harness.js';
import { launchBrowser, openView, type Browser, type OpenedView } from './browser.js';

let h: Harness;
let browser: Browser;
beforeAll(async () => {
  [h, browser] = await Promise.all([connect(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await h?.close();
});

/** Opens the picker on a list call the model made, with its result. */
async function picker(tool: string, args: Record<string, unknown>, theme: 'light' | 'dark' = 'light'): Promise<OpenedView> {
  const v = await openView(browser, h, tool, args, { theme });
  await v.sendResult(await h.call(tool, args));
  await v.frame.locator('li[data-id]').first().waitFor({ timeout: 10_000 });
  return v;
}

/** Waits until the view asked for a page with these arguments and has shown the answer. */
async function loaded(v: OpenedView, tool: string, args: Record<string, unknown>): Promise<void> {
  await v.waitForEvent('call', (p) => p.name === tool && Object.entries(args).every(([k, x]) => p.arguments[k] === x));
  await v.frame.locator('#root:not([aria-busy])').waitFor({ timeout: 10_000 });
}

const ids = (v: OpenedView) => v.frame.locator('li[data-id]').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-id')));
const callsOf = async (v: OpenedView, name: string) => (await v.events()).filter((e) => e.type === 'call' && (e.params as { name: string }).name === name).map((e) => (e.params as { arguments: Record<string, unknown> }).arguments);

describe('avatar and voice picker in Chromium', () => {
  it('shows look previews, filters and pages, and a pick reaches the host as the look_id', async () => {
    const v = await picker('list_avatar_looks', { ownership: 'public', limit: 6 });
    // Previews are real images loaded from the simulator under the view's CSP.
    await v.frame.waitForFunction(() => [...(globalThis as any).document.querySelectorAll('img.thumb')].some((i: any) => i.naturalWidth > 0), undefined, { timeout: 15_000 });
    expect(await ids(v)).toHaveLength(6);

    await v.frame.getByLabel('Orientation').selectOption('portrait');
    await loaded(v, 'list_avatar_looks', { orientation: 'portrait' });
    await v.frame.waitForFunction(() => [...(globalThis as any).document.querySelectorAll('li[data-id] .muted')].every((s: any) => s.textContent.startsWith('portrait')), undefined, { timeout: 10_000 });
    expect((await callsOf(v, 'list_avatar_looks')).at(-1)).toMatchObject({ ownership: 'public', orientation: 'portrait', limit: 6 });
    const page1 = await ids(v);

    await v.frame.getByRole('button', { name: 'Next →' }).click();
    await v.frame.getByText('Page 2').waitFor({ timeout: 10_000 });
    const page2 = await ids(v);
    expect(page2.length).toBeGreaterThan(0);
    expect(page2.filter((id) => page1.includes(id))).toEqual([]);
    await v.frame.getByRole('button', { name: '← Previous' }).click();
    await v.frame.getByText('Page 1').waitFor({ timeout: 10_000 });
    expect(await ids(v)).toEqual(page1);
    await v.frame.waitForFunction(() => [...(globalThis as any).document.querySelectorAll('img.thumb')].filter((i: any) => i.naturalWidth > 0).length >= 4, undefined, { timeout: 15_000 });
    await v.screenshot('picker-looks');

    // Keyboard: focus the first Choose button and press Enter.
    const chosen = page1[0]!;
    await v.frame.locator(`li[data-id="${chosen}"] button`).focus();
    await v.page.keyboard.press('Enter');
    const msg = await v.waitForEvent('message', (p) => JSON.stringify(p).includes(chosen));
    expect(msg.role).toBe('user');
    const ctx = await v.waitForEvent('context');
    expect(ctx.structuredContent).toMatchObject({ look_id: chosen });
    await v.frame.getByText(`look_id ${chosen}`).waitFor();
    await v.page.close();
  });

  it('opens a group\'s looks from the groups list', async () => {
    const v = await picker('list_avatar_groups', { limit: 4 });
    const group = (await ids(v))[0]!;
    await v.frame.locator(`li[data-id="${group}"] button`).click();
    await v.frame.getByText('Avatar looks').waitFor({ timeout: 10_000 });
    expect((await callsOf(v, 'list_avatar_looks')).at(-1)).toMatchObject({ group_id: group });
    await v.frame.getByRole('button', { name: '← All groups' }).click();
    await v.frame.getByText('Avatar groups').waitFor();
    await v.page.close();
  });

  it('lists voices with language and gender filters, plays a sample and passes the pick as the voice_id (dark theme)', async () => {
    const v = await picker('list_voices', { language: 'English', limit: 5 }, 'dark');
    await v.frame.getByLabel('Gender').selectOption('female');
    await loaded(v, 'list_voices', { gender: 'female' });
    await v.frame.waitForFunction(() => [...(globalThis as any).document.querySelectorAll('li[data-id] .who .muted')].every((s: any) => s.textContent === 'English · female'), undefined, { timeout: 10_000 });
    expect((await callsOf(v, 'list_voices')).at(-1)).toMatchObject({ language: 'English', gender: 'female' });
    const [voice] = await ids(v);
    await v.frame.getByRole('button', { name: /Play a sample/ }).first().click();
    await v.waitForEvent('call', (p) => p.name === 'get_voice' && p.arguments.voice_id === voice);
    await v.frame.getByText(/Playing|would not play|no preview/).waitFor({ timeout: 10_000 });
    await v.screenshot('picker-voices-dark');
    await v.frame.getByRole('button', { name: /^Choose/ }).first().click();
    const ctx = await v.waitForEvent('context');
    expect(ctx.structuredContent).toMatchObject({ voice_id: voice });
    await v.waitForEvent('message', (p) => JSON.stringify(p).includes(`voice_id ${voice}`));
    await v.page.close();
  });
});
