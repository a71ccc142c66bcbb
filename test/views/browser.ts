import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type BrowserContext, type Frame, type Page } from 'playwright-core';
import type { CallToolResult } from '@modelcontextprotocol/client';
import type { Harness } from '../helpers/harness.js';
import type { HostEvent, HostWindow, Opening } from './host/types.js';


/** Debian's chromium (.ci/run installs it), run headless with nothing of its own going online. */
const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Screenshots land here for people to look at; the folder is ignored by git. */
export const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/views/', import.meta.url));

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'heygen-views-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: { width: 460, height: 1600 } });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

let hostScript: Promise<string> | undefined;
/** The test host page's script, bundled once per file with the same bundler as the views. */
function hostBundle(): Promise<string> {
  hostScript ??= build({
    entryPoints: [fileURLToPath(new URL('./host/host.ts', import.meta.url))],
    bundle: true, write: false, format: 'iife', platform: 'browser', target: 'es2022', logLevel: 'warning',
  }).then((r) => r.outputFiles[0]!.text.replaceAll('</script', '<\\/script'));
  return hostScript;
}

export interface OpenedView {
  page: Page;
  /** The view's document inside the host's iframe. */
  frame: Frame;
  /** Sends a tool result to the view as the host does after the model's call. */
  sendResult(result: CallToolResult): Promise<void>;
  /** Waits (up to the deadline) for a host event matching the test. */
  waitForEvent(type: HostEvent['type'], match?: (params: any) => boolean, timeoutMs?: number): Promise<any>;
  events(): Promise<HostEvent[]>;
  screenshot(name: string): Promise<string>;
}

/**
 * Opens the view a tool links to, the way an Apps host does: tools/list names the ui:// resource,
 * resources/read gives the HTML and its CSP, the view gets the call's arguments and then its result.
 */
export async function openView(browser: Browser, h: Harness, toolName: string, args: Record<string, unknown>, opts: { theme?: 'light' | 'dark'; width?: number } = {}): Promise<OpenedView> {
  const { tools } = await h.client.listTools();
  const tool = tools.find((t) => t.name === toolName);
  const uri = (tool?._meta?.ui as { resourceUri?: string } | undefined)?.resourceUri;
  if (!tool || !uri) throw new Error(`${toolName} links no view`);
  const read = await h.client.readResource({ uri });
  const content = read.contents[0] as { text: string; _meta?: { ui?: { csp?: Opening['csp'] } } };
  const page = await browser.context.newPage();
  page.on('pageerror', (err) => console.error(`[view ${toolName}] ${err.message}`));
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.error(`[view ${toolName} console] ${m.text()}`); });
  await page.exposeFunction('hostCallTool', (params: { name: string; arguments?: Record<string, unknown> }) => h.client.callTool(params));
  await page.setContent(`<!doctype html><html><head><meta charset="utf-8"></head><body style="margin:0;padding:16px"><script>${await hostBundle()}</script></body></html>`);
  const opening: Opening = { html: content.text, csp: content._meta?.ui?.csp ?? {}, tool: tool as Opening['tool'], args, theme: opts.theme ?? 'light', width: opts.width ?? 400 };
  await page.evaluate((o) => (globalThis as unknown as HostWindow).openView(o), opening);
  const frame = page.frames().find((f) => f !== page.mainFrame());
  if (!frame) throw new Error('the view frame did not open');
  return {
    page, frame,
    sendResult: (result) => page.evaluate((r) => (globalThis as unknown as HostWindow).sendResult(r), result as unknown),
    async waitForEvent(type, match = () => true, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = (await page.evaluate(() => (globalThis as unknown as HostWindow).hostEvents)).find((e) => e.type === type && match(e.params));
        if (found) return found.params;
        if (Date.now() > deadline) throw new Error(`no ${type} event from the view within ${timeoutMs} ms`);
        await page.waitForFunction((n) => (globalThis as unknown as HostWindow).hostEvents.length > n, (await page.evaluate(() => (globalThis as unknown as HostWindow).hostEvents.length)), { timeout: Math.max(1, deadline - Date.now()) }).catch(() => undefined);
      }
    },
    events: () => page.evaluate(() => (globalThis as unknown as HostWindow).hostEvents),
    async screenshot(name) {
      mkdirSync(ARTIFACTS, { recursive: true });
      const path = join(ARTIFACTS, `${name}.png`);
      await page.locator('iframe').screenshot({ path });
      return path;
    },
  };
}
