import { afterEach, describe, expect, it } from 'vitest';
import type { CallToolResult } from '@modelcontextprotocol/client';
import { waitFor } from '../http/helpers.js';
import { signIn } from './client.js';
import { rawCall, teamServer, type TeamHarness } from './helpers.js';

let h: TeamHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const now = () => Math.floor(Date.now() / 1000);

describe('hosted mode with sign-in: the server as an OAuth protected resource', () => {
  it('publishes RFC 9728 metadata at both well-known paths and answers 401 with a challenge pointing at it', async () => {
    h = await teamServer();
    for (const path of ['/.well-known/oauth-protected-resource', '/.well-known/oauth-protected-resource/mcp']) {
      const r = await fetch(`${h.base}${path}`);
      expect(r.status).toBe(200);
      expect(await r.json()).toMatchObject({ resource: h.url, authorization_servers: [h.idp.issuer], scopes_supported: ['heygen:read', 'heygen:write', 'heygen:admin'], bearer_methods_supported: ['header'] });
    }
    const fromPage = await fetch(`${h.base}/.well-known/oauth-protected-resource/mcp`, { headers: { origin: 'https://client.example' } });
    expect(fromPage.status).toBe(200);
    expect(fromPage.headers.get('access-control-allow-origin')).toBe('*');
    const r = await rawCall(h.url, undefined, 'tools/list');
    expect(r.status).toBe(401);
    expect(r.challenge).toContain(`resource_metadata="${h.base}/.well-known/oauth-protected-resource/mcp"`);
    expect(r.challenge).toContain('scope="heygen:read heygen:write"');
  });

  for (const era of ['modern', 'legacy'] as const) {
    it(`${era}: the official client discovers, registers, signs in with code + PKCE and calls tools`, async () => {
      h = await teamServer({ env: { HEYGEN_MCP_TEAM_API_KEY: 'team-key-0123456789' }, sim: { apiKeys: ['team-key-0123456789'] } });
      const { client, provider } = await signIn(h.url, h.idp, era);
      expect(provider.registrations).toBe(1);
      const tokens = provider.tokens();
      expect(tokens?.access_token.split('.')).toHaveLength(3);
      const tools = await client.listTools();
      expect(tools.tools.map((t) => t.name)).toContain('my_heygen_key');
      const account = (await client.callTool({ name: 'get_account', arguments: {} })) as CallToolResult;
      expect(account.isError).toBeFalsy();
      const mine = (await client.callTool({ name: 'my_heygen_key', arguments: {} })) as CallToolResult;
      expect(mine.structuredContent).toMatchObject({ key: 'team', user: 'alice' });
      // The person's token never reaches HeyGen: only the team key does.
      const upstream = h.sim.apiRequests();
      expect(upstream.length).toBeGreaterThan(0);
      for (const r of upstream) {
        expect(r.headers['x-api-key']).toBe('team-key-0123456789');
        expect(JSON.stringify(r.headers)).not.toContain(tokens!.access_token);
      }
      expect(h.logs.join('\n')).not.toContain(tokens!.access_token);
      expect(h.logs.join('\n')).not.toContain('team-key-0123456789');
      await client.close();
    });
  }

  it('refuses expired, wrong-audience, wrong-issuer, unsigned and tampered tokens with 401', async () => {
    h = await teamServer({ env: { HEYGEN_MCP_TEAM_API_KEY: 'team-key-0123456789' }, sim: { apiKeys: ['team-key-0123456789'] } });
    const base = { iss: h.idp.issuer, aud: h.url, sub: 'mallory', scope: 'heygen:read heygen:write' };
    const good = await h.idp.sign(base, { expiresIn: '5m' });
    expect((await rawCall(h.url, good, 'tools/list')).status).toBe(200);
    const [head, body, sig] = good.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString());
    const tampered = `${head}.${Buffer.from(JSON.stringify({ ...claims, scope: 'heygen:read heygen:write heygen:admin' })).toString('base64url')}.${sig}`;
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${body}.`;
    const bad: Record<string, string> = {
      expired: await h.idp.sign({ ...base, exp: now() - 600 }),
      'wrong audience': await h.idp.sign({ ...base, aud: 'https://other.example/mcp' }, { expiresIn: '5m' }),
      'wrong issuer': await h.idp.sign({ ...base, iss: 'https://evil.example' }, { expiresIn: '5m' }),
      unsigned,
      tampered,
      'not a JWT': 'opaque-token-value',
      'no expiry': await h.idp.sign(base),
    };
    for (const [what, token] of Object.entries(bad)) {
      const r = await rawCall(h.url, token, 'tools/list');
      expect(r.status, what).toBe(401);
      expect(r.challenge, what).toMatch(/^Bearer .*error="invalid_token"/);
      expect(r.challenge, what).toContain('resource_metadata=');
    }
    expect(h.sim.apiRequests()).toHaveLength(0);
  });

  it('a token without heygen:write gets 403 insufficient_scope on a credit-spending tool and works for reads; webhooks need heygen:admin', async () => {
    h = await teamServer({ env: { HEYGEN_MCP_TEAM_API_KEY: 'team-key-0123456789' }, sim: { apiKeys: ['team-key-0123456789'] } });
    const reader = await h.idp.sign({ iss: h.idp.issuer, aud: h.url, sub: 'rita', scope: 'heygen:read' }, { expiresIn: '5m' });
    const read = await rawCall(h.url, reader, 'tools/call', { name: 'get_account', arguments: {} });
    expect(read.status).toBe(200);
    expect(read.body.result.isError).toBeFalsy();
    const spend = await rawCall(h.url, reader, 'tools/call', { name: 'create_video_agent', arguments: { prompt: 'A short hello' } });
    expect(spend.status).toBe(403);
    expect(spend.challenge).toMatch(/error="insufficient_scope"/);
    expect(spend.challenge).toContain('heygen:write');
    const writer = await h.idp.sign({ iss: h.idp.issuer, aud: h.url, sub: 'wes', scope: 'heygen:read heygen:write' }, { expiresIn: '5m' });
    const hooks = await rawCall(h.url, writer, 'tools/call', { name: 'list_webhook_endpoints', arguments: {} });
    expect(hooks.status).toBe(403);
    expect(hooks.challenge).toContain('heygen:admin');
    const none = await h.idp.sign({ iss: h.idp.issuer, aud: h.url, sub: 'nina', scope: 'openid' }, { expiresIn: '5m' });
    const listed = await rawCall(h.url, none, 'tools/list');
    expect(listed.status).toBe(403);
    expect(listed.challenge).toContain('heygen:read');
  });

  it('a 2025 session belongs to the person who opened it: another person\'s valid token cannot use it', async () => {
    h = await teamServer({ env: { HEYGEN_MCP_TEAM_API_KEY: 'team-key-0123456789' }, sim: { apiKeys: ['team-key-0123456789'] } });
    const token = (sub: string) => h!.idp.sign({ iss: h!.idp.issuer, aud: h!.url, sub, scope: 'heygen:read heygen:write' }, { expiresIn: '5m' });
    const post = async (bearer: string, body: unknown, session?: string) => fetch(h!.url, {
      method: 'POST',
      headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...(session ? { 'mcp-session-id': session, 'mcp-protocol-version': '2025-11-25' } : {}) },
      body: JSON.stringify(body),
    });
    const alice = await token('alice');
    const init = await post(alice, { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'raw', version: '0' } } });
    expect(init.status).toBe(200);
    await init.text();
    const sid = init.headers.get('mcp-session-id')!;
    expect(sid).toBeTruthy();
    const list = { jsonrpc: '2.0', id: 2, method: 'tools/list' };
    const bob = await post(await token('bob'), list, sid);
    expect(bob.status).toBe(404);
    await bob.text();
    const own = await post(alice, list, sid);
    expect(own.status).toBe(200);
    expect(await own.text()).toContain('my_heygen_key');
  });

  it('before a person saves a key, docs resources read and HeyGen resources say how to add one', async () => {
    h = await teamServer();
    const token = await h.idp.sign({ iss: h.idp.issuer, aud: h.url, sub: 'newcomer', scope: 'heygen:read' }, { expiresIn: '5m' });
    const listed = await rawCall(h.url, token, 'resources/list');
    expect(listed.status).toBe(200);
    expect(JSON.stringify(listed.body.result.resources)).toContain('heygen://docs');
    const docs = await rawCall(h.url, token, 'resources/read', { uri: 'heygen://docs' });
    expect(docs.body.result?.contents, JSON.stringify(docs.body)).toHaveLength(1);
    const avatars = await rawCall(h.url, token, 'resources/read', { uri: 'heygen://avatars' });
    expect(avatars.body.error.message).toMatch(/No HeyGen key is saved for your account yet/);
    expect(h.sim.apiRequests()).toHaveLength(0);
  });

  it('through the official client: a person granted only heygen:read reads, and a spend is refused with 403 (the client is sent to ask for heygen:write)', async () => {
    h = await teamServer({ env: { HEYGEN_MCP_TEAM_API_KEY: 'team-key-0123456789' }, sim: { apiKeys: ['team-key-0123456789'] } });
    h.idp.grant = 'heygen:read';
    const { client, provider } = await signIn(h.url, h.idp, 'modern');
    expect(provider.tokens()?.scope).toBe('heygen:read');
    expect(((await client.callTool({ name: 'get_account', arguments: {} })) as CallToolResult).isError).toBeFalsy();
    provider.authorizationUrl = undefined;
    const before = h.sim.apiRequests().length;
    await expect(client.callTool({ name: 'create_video_agent', arguments: { prompt: 'Hello' } })).rejects.toThrow();
    // Nothing reached HeyGen, and the client was pointed at the IdP for the missing scope.
    expect(h.sim.apiRequests().length).toBe(before);
    expect((provider.authorizationUrl as URL | undefined)?.searchParams.get('scope')).toContain('heygen:write');
    await client.close();
  });

  it('the static bearer token keeps working beside sign-in', async () => {
    h = await teamServer({ env: { HEYGEN_MCP_HTTP_TOKEN: 'static-token-0123456789abcdef' } });
    const r = await rawCall(h.url, 'static-token-0123456789abcdef', 'tools/list');
    expect(r.status).toBe(200);
    const names = (r.body.result.tools as { name: string }[]).map((t) => t.name);
    expect(names).not.toContain('my_heygen_key');
  });
});

describe('subscriptions for signed-in people', () => {
  it('a 2025 session opened before the person had a key subscribes with the key saved since, and hears the job finish', async () => {
    h = await teamServer({ sim: { speed: 1, apiKeys: ['sub-key-0123456789'] } });
    const hh = h;
    // The job exists in the person's HeyGen account before they connect.
    const headers = { 'x-api-key': 'sub-key-0123456789', 'content-type': 'application/json' };
    const looks = (await (await fetch(`${hh.sim.baseUrl}/v3/avatars/looks?limit=1`, { headers })).json()) as { data: { id: string }[] };
    const made = (await (await fetch(`${hh.sim.baseUrl}/v3/videos`, { method: 'POST', headers, body: JSON.stringify({ type: 'avatar', avatar_id: looks.data[0]?.id, script: 'Hello.' }) })).json()) as { data: { video_id: string } };
    const uri = `heygen://videos/${made.data.video_id}`;
    hh.idp.user = 'sue';
    const { client } = await signIn(hh.url, hh.idp, 'legacy');
    await expect(client.subscribeResource({ uri })).rejects.toThrow(/No HeyGen key is saved/);
    // Saved on the key page (a link the server signs for her; the browser test covers the page itself).
    const mine = (await client.callTool({ name: 'get_account', arguments: {} })) as CallToolResult;
    const link = /(http:\/\/\S+\/keys\?t=\S+?) in a browser/.exec((mine.content[0] as { text: string }).text)?.[1];
    expect(link).toBeTruthy();
    const saved = await fetch(`${hh.base}/keys`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: hh.base }, body: new URLSearchParams({ t: new URL(link!).searchParams.get('t')!, action: 'save', api_key: 'sub-key-0123456789' }).toString() });
    expect(saved.status).toBe(200);
    const seen: string[] = [];
    client.setNotificationHandler('notifications/resources/updated', (n) => { seen.push(n.params.uri); });
    await client.subscribeResource({ uri });
    await waitFor(() => hh.sim.apiRequests().some((r) => r.path === `/v3/videos/${made.data.video_id}` && r.headers['x-api-key'] === 'sub-key-0123456789'));
    hh.sim.advance(10 * 60_000);
    await waitFor(() => seen.includes(uri));
    await client.close();
  });
});
