import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type BrowserContext } from 'playwright-core';
import type { CallToolResult, Client } from '@modelcontextprotocol/client';
import type { MemoryUserKeyStore } from '../../src/state/user-keys.js';
import { signIn, type Era } from './client.js';
import { teamServer, type TeamHarness } from './helpers.js';

const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const ALICE_KEY = 'canary-alice-7f3e9d1c2b';
const BOB_KEY = 'canary-bob-4a8c6e2f0d';

let browser: BrowserContext;
let profile: string;
beforeAll(async () => {
  profile = await mkdtemp(join(tmpdir(), 'heygen-mcp-chromium-'));
  browser = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_FLAGS });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await rm(profile, { recursive: true, force: true });
});

let h: TeamHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** Everything a person could be shown or a log could hold, collected for the canary check. */
const seen: string[] = [];

/** The person in the browser: opens the elicited link, pastes their key, saves. */
async function saveInBrowser(url: string, key: string): Promise<void> {
  const page = await browser.newPage();
  try {
    const opened = await page.goto(url);
    expect(opened?.status()).toBe(200);
    expect(await page.textContent('h1')).toBe('Your HeyGen API key');
    seen.push(await page.content());
    await page.fill('#api_key', key);
    await Promise.all([page.waitForURL((u) => u.pathname === '/keys' && u.search === ''), page.click('button[value=save]')]);
    expect(await page.textContent('h1')).toBe('Key saved');
    seen.push(await page.content());
  } finally {
    await page.close();
  }
}

/** Signs a person in and answers the server's URL elicitation by saving `key` in the browser. */
async function person(name: string, key: string, era: Era): Promise<{ client: Client; elicited: { mode?: string; url?: string }[] }> {
  h!.idp.user = name;
  const elicited: { mode?: string; url?: string }[] = [];
  const { client } = await signIn(h!.url, h!.idp, era, {
    elicitation: true,
    beforeConnect: (c) => c.setRequestHandler('elicitation/create', async (req) => {
      const p = req.params as { mode?: string; url?: string };
      elicited.push(p);
      await saveInBrowser(p.url as string, key);
      return { action: 'accept' };
    }),
  });
  return { client, elicited };
}

async function call(client: Client, name: string, args: Record<string, unknown> = {}): Promise<CallToolResult> {
  const r = (await client.callTool({ name, arguments: args })) as CallToolResult;
  seen.push(JSON.stringify(r));
  return r;
}

describe('the key page in a real browser', () => {
  it('a signed-in person without a key is sent to the page, saves it, and the waiting call goes on; keys stay sealed and people apart', async () => {
    h = await teamServer({ sim: { apiKeys: [ALICE_KEY, BOB_KEY] } });
    const alice = await person('alice', ALICE_KEY, 'modern');
    const account = await call(alice.client, 'get_account');
    expect(account.isError).toBeFalsy();
    expect(alice.elicited).toHaveLength(1);
    expect(alice.elicited[0]).toMatchObject({ mode: 'url' });
    expect(alice.elicited[0]!.url).toMatch(new RegExp(`^${h.base}/keys\\?t=`));
    expect(h.sim.apiRequests().at(-1)?.headers['x-api-key']).toBe(ALICE_KEY);
    expect((await call(alice.client, 'my_heygen_key')).structuredContent).toMatchObject({ key: 'personal', user: 'alice' });

    const job = await call(alice.client, 'create_video_agent', { prompt: 'A ten second hello from the team' });
    expect(job.isError).toBeFalsy();
    const sessionId = (job.structuredContent as { session_id: string }).session_id;
    expect((await call(alice.client, 'get_video_agent_session', { session_id: sessionId })).isError).toBeFalsy();
    expect(JSON.stringify(await alice.client.listResources())).toContain(sessionId);

    // Bob, on a 2025 session: the SDK's shim turns the same answer into elicitation/create.
    const bob = await person('bob', BOB_KEY, 'legacy');
    expect((await call(bob.client, 'get_account')).isError).toBeFalsy();
    expect(bob.elicited).toHaveLength(1);
    expect(h.sim.apiRequests().at(-1)?.headers['x-api-key']).toBe(BOB_KEY);
    const peek = await call(bob.client, 'get_video_agent_session', { session_id: sessionId });
    expect(peek.isError).toBe(true);
    const bobs = JSON.stringify(await bob.client.listResources());
    seen.push(bobs);
    expect(bobs).not.toContain(sessionId);

    // Replace and delete: deleting sends the next call back to the page.
    const gone = await call(alice.client, 'my_heygen_key', { action: 'delete' });
    expect(gone.structuredContent).toMatchObject({ key: 'none', deleted: true });
    expect((await call(alice.client, 'get_account')).isError).toBeFalsy();
    expect(alice.elicited).toHaveLength(2);

    // The canary: neither raw key is in the store, the logs, or anything shown.
    const store = (h.states.userKeys as MemoryUserKeyStore).dump();
    expect(store).toHaveLength(2);
    for (const key of [ALICE_KEY, BOB_KEY]) {
      expect(store.join('\n')).not.toContain(key);
      expect(store.join('\n')).not.toContain(Buffer.from(key).toString('base64'));
      expect(h.logs.join('\n')).not.toContain(key);
      expect(seen.join('\n')).not.toContain(key);
    }
    await alice.client.close();
    await bob.client.close();
  });

  it('a stale or forged link is refused, a key HeyGen rejects is not saved, and replacing a key moves a person off the team key', async () => {
    h = await teamServer({ env: { HEYGEN_MCP_TEAM_API_KEY: 'team-key-0123456789' }, sim: { apiKeys: ['team-key-0123456789', 'carol-key-5566778899'] } });
    const page = await browser.newPage();
    try {
      expect((await page.goto(`${h.base}/keys?t=forged.ticket`))?.status()).toBe(400);
      expect(await page.textContent('h1')).toBe('Link expired');
    } finally {
      await page.close();
    }
    h.idp.user = 'carol';
    const { client } = await signIn(h.url, h.idp, 'modern', {
      elicitation: true,
      beforeConnect: (c) => c.setRequestHandler('elicitation/create', async (req) => {
        const p = await browser.newPage();
        try {
          await p.goto((req.params as { url: string }).url);
          expect(await p.textContent('body')).toContain('administrator has set a team HeyGen key');
          await p.fill('#api_key', 'not-a-heygen-key-000');
          await Promise.all([p.waitForURL((u) => u.pathname === '/keys' && u.search === ''), p.click('button[value=save]')]);
          expect(await p.textContent('h1')).toBe('Key not accepted');
          await p.goBack();
          await p.fill('#api_key', 'carol-key-5566778899');
          await Promise.all([p.waitForURL((u) => u.pathname === '/keys' && u.search === ''), p.click('button[value=save]')]);
          expect(await p.textContent('h1')).toBe('Key saved');
        } finally {
          await p.close();
        }
        return { action: 'accept' };
      }),
    });
    expect((await call(client, 'my_heygen_key', { action: 'status' })).structuredContent).toMatchObject({ key: 'team' });
    expect((await call(client, 'my_heygen_key', { action: 'replace' })).structuredContent).toMatchObject({ key: 'personal', user: 'carol' });
    expect((await call(client, 'get_account')).isError).toBeFalsy();
    expect(h.sim.apiRequests().at(-1)?.headers['x-api-key']).toBe('carol-key-5566778899');
    expect(h.logs.join('\n')).not.toContain('not-a-heygen-key-000');
    expect(h.logs.join('\n')).not.toContain('carol-key-5566778899');
    await client.close();
  });
});
