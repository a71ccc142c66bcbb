import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BREAKS, CLEAN } from '../fixtures/prompts/breaks.js';
import { connect, type Harness } from '../helpers/harness.js';
import { launchBrowser, openView, type Browser } from './browser.js';

let h: Harness;
let browser: Browser;
beforeAll(async () => {
  [h, browser] = await Promise.all([connect(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await h?.close();
});

type Finding = { rule: string; message: string; scene?: number };

describe('prompt check view (validate_video_agent_prompt) in Chromium', () => {
  it('shows a defect prompt\'s findings inside the scene they belong to', async () => {
    // The first broken fixture whose error the validator pins to a scene other than the first.
    let picked: { args: Record<string, unknown>; finding: Finding } | undefined;
    for (const b of BREAKS) {
      const args = { prompt: b.prompt, ...(b.duration_seconds ? { duration_seconds: b.duration_seconds } : {}) };
      const r = await h.ok('validate_video_agent_prompt', args);
      const finding = (r.errors as Finding[]).find((f) => f.scene !== undefined && f.scene > 1);
      if (finding) { picked = { args, finding }; break; }
    }
    expect(picked, 'a fixture with a scene-level error').toBeDefined();
    const { args, finding } = picked!;

    const v = await openView(browser, h, 'validate_video_agent_prompt', args);
    await v.sendResult(await h.call('validate_video_agent_prompt', args));
    const scene = v.frame.locator(`section[data-scene="${finding.scene}"]`);
    await scene.waitFor({ timeout: 10_000 });
    await expect(scene.locator('li.error').filter({ hasText: finding.message }).count()).resolves.toBe(1);
    await expect(scene.locator('li.error .rule').filter({ hasText: finding.rule }).count()).resolves.toBeGreaterThan(0);
    // Nowhere else: the message sits only in its own scene.
    await expect(v.frame.locator('li').filter({ hasText: finding.message }).count()).resolves.toBe(1);
    expect(await scene.getAttribute('class')).toContain('has-error');
    await v.frame.getByText(/\d+ errors?/).first().waitFor();
    // The scene text opens from the keyboard.
    await scene.locator('summary').focus();
    await v.page.keyboard.press('Enter');
    await scene.locator('pre').waitFor();
    await scene.scrollIntoViewIfNeeded();
    await v.screenshot('prompt-defect');
    await v.page.close();
  });

  it('a clean prompt reads as ready, with its style swatch and a time budget per scene (dark theme)', async () => {
    const args = { prompt: CLEAN };
    const v = await openView(browser, h, 'validate_video_agent_prompt', args, { theme: 'dark' });
    const result = await h.call('validate_video_agent_prompt', args);
    await v.sendResult(result);
    await v.frame.getByText('ready for create_video_agent').waitFor({ timeout: 10_000 });
    const scenes = (result.structuredContent as { scenes: number }).scenes;
    await expect(v.frame.locator('section[data-scene]').count()).resolves.toBe(scenes);
    await expect(v.frame.locator('section[data-scene] meter').count()).resolves.toBeGreaterThan(0);
    await v.frame.locator('.swatch i').first().waitFor();
    expect(await v.frame.locator('.swatch').count()).toBeGreaterThanOrEqual(3);
    expect(await v.frame.evaluate(() => (globalThis as any).document.documentElement.dataset.theme)).toBe('dark');
    await v.screenshot('prompt-clean-dark');
    await v.page.close();
  });
});
