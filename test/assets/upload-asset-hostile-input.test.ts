import { execFileSync } from 'node:child_process';
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setUrlFetchTestHooks } from '../../src/uploads/url-fetch.js';
import { connect, type Harness } from '../helpers/harness.js';
import { HTML, PNG, tempDir } from './fixtures.js';

/**
 * The hostile-input matrix for upload_asset: each case is refused with an actionable error and
 * HeyGen receives nothing at all.
 */
let root: string;
let outside: string;
let h: Harness;

beforeAll(async () => {
  root = await tempDir('heygen-root-');
  outside = await tempDir('heygen-outside-');
  await writeFile(join(outside, 'secret.png'), PNG());
  await writeFile(join(root, 'ok.png'), PNG());
  h = await connect({ env: { HEYGEN_MCP_UPLOAD_ROOTS: root } });
});
afterAll(async () => {
  await h.close();
  await rm(root, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});
afterEach(() => {
  setUrlFetchTestHooks();
});

async function refused(args: Record<string, unknown>, pattern: RegExp): Promise<void> {
  h.sim.clearRequests();
  const text = await h.fails('upload_asset', args);
  expect(text).toMatch(pattern);
  expect(text).not.toMatch(/at .*\.ts:\d+/); // no stack
  expect(h.sim.apiRequests()).toHaveLength(0);
}

describe('local paths', () => {
  it('refuses absolute paths outside the roots', async () => {
    await refused({ path: '/etc/passwd' }, /outside the allowed upload roots/);
    await refused({ path: join(outside, 'secret.png') }, /outside the allowed upload roots/);
    await refused({ path: '~/.ssh/id_rsa' }, /outside the allowed upload roots/);
  });

  it('refuses .. traversal, absolute and relative', async () => {
    await refused({ path: `${root}/../${outside.split('/').pop()}/secret.png` }, /outside the allowed upload roots/);
    await refused({ path: '../../../../etc/passwd' }, /outside the allowed upload roots/);
  });

  it('refuses a sibling directory sharing the root as a name prefix', async () => {
    const sibling = `${root}2`;
    await mkdir(sibling, { recursive: true });
    await writeFile(join(sibling, 'a.png'), PNG());
    try {
      await refused({ path: join(sibling, 'a.png') }, /outside the allowed upload roots/);
    } finally {
      await rm(sibling, { recursive: true, force: true });
    }
  });

  it('refuses symlink escapes: a file link and a directory link inside the root pointing outside', async () => {
    await symlink(join(outside, 'secret.png'), join(root, 'link.png'));
    await symlink(outside, join(root, 'linkdir'));
    await refused({ path: join(root, 'link.png') }, /outside the allowed upload roots/);
    await refused({ path: join(root, 'linkdir', 'secret.png') }, /outside the allowed upload roots/);
  });

  it('refuses FIFOs without blocking, directories, and /dev/zero (directly or by symlink)', async () => {
    execFileSync('mkfifo', [join(root, 'pipe.png')]);
    await mkdir(join(root, 'folder.png'));
    await symlink('/dev/zero', join(root, 'zero.png'));
    await refused({ path: join(root, 'pipe.png') }, /not a regular file \(a FIFO\)/);
    await refused({ path: join(root, 'folder.png') }, /not a regular file \(a directory\)/);
    await refused({ path: '/dev/zero' }, /outside the allowed upload roots/);
    await refused({ path: join(root, 'zero.png') }, /outside the allowed upload roots/);
  });

  it('refuses empty files, NUL bytes, and content that is not an accepted media type', async () => {
    await writeFile(join(root, 'empty.png'), '');
    await writeFile(join(root, 'page.png'), HTML);
    await refused({ path: join(root, 'empty.png') }, /is empty/);
    await refused({ path: `${root}/ok.png\u0000.txt` }, /Invalid path: must not contain NUL/);
    await refused({ path: join(root, 'page.png') }, /is not png, jpeg, mp4, webm, mp3, wav, pdf or srt/);
  });

  it('refuses a missing file inside the root as not found', async () => {
    await refused({ path: join(root, 'nope.png') }, /no such file/);
  });
});

describe('URLs: scheme and address', () => {
  it.each(['file:///etc/passwd', 'data:image/png;base64,iVBORw0KGgo=', 'http://example.com/a.png', 'ftp://example.com/a.png', 'gopher://example.com/', 'javascript:alert(1)'])(
    'refuses %s (https only)', async (url) => {
      await refused({ url }, /only https:\/\/ URLs/);
    });

  it.each([
    'https://127.0.0.1/a.png', 'https://127.1/a.png', 'https://2130706433/a.png', 'https://0x7f.1/a.png', 'https://0177.0.0.1/a.png',
    'https://[::1]/a.png', 'https://[::ffff:127.0.0.1]/a.png', 'https://[::ffff:7f00:1]/a.png', 'https://localhost/a.png', 'https://api.localhost/a.png',
    'https://0.0.0.0/a.png', 'https://[::]/a.png',
  ])('refuses loopback spelled as %s', async (url) => {
    await refused({ url }, /private, loopback or link-local/);
  });

  it.each([
    'https://10.1.2.3/', 'https://172.16.0.1/', 'https://172.31.255.255/', 'https://192.168.1.1/', 'https://169.254.169.254/latest/meta-data/',
    'https://100.64.0.1/', 'https://[fc00::1]/', 'https://[fd12:3456::1]/', 'https://[fe80::1]/', 'https://[::ffff:10.0.0.1]/',
    'https://[64:ff9b::a9fe:a9fe]/', 'https://[2002:7f00:1::]/', 'https://224.0.0.1/',
  ])('refuses the private / link-local / CGNAT / ULA address %s', async (url) => {
    await refused({ url }, /private, loopback or link-local/);
  });

  it('refuses credentials in the URL, including the @-confusion trick', async () => {
    await refused({ url: 'https://user:pass@example.com/a.png' }, /embedded credentials/);
    await refused({ url: 'https://example.com%2F@127.0.0.1/a.png' }, /embedded credentials|private, loopback/);
  });

  it('refuses a public-looking name that resolves to loopback or a private address', async () => {
    setUrlFetchTestHooks({ lookup: async (host) => host === 'rebind.example' ? [{ address: '127.0.0.1', family: 4 }] : [{ address: '93.184.216.34', family: 4 }, { address: '10.0.0.5', family: 4 }] });
    await refused({ url: 'https://rebind.example/a.png' }, /private, loopback or link-local/);
    // One bad address among several is enough to refuse.
    await refused({ url: 'https://mixed.example/a.png' }, /private, loopback or link-local/);
  });
});

describe('URLs: fetching through a test server', () => {
  let server: Server;
  let port: number;
  const hits: string[] = [];
  beforeAll(async () => {
    const png = PNG(3000);
    server = createServer((req, res) => {
      hits.push(req.url ?? '');
      const p = req.url ?? '';
      if (p === '/ok.png') { res.writeHead(200, { 'content-type': 'image/png', 'content-length': png.length }); res.end(png); return; }
      if (p === '/to-loopback') { res.writeHead(302, { location: `http://127.0.0.1:${port}/secret` }); res.end(); return; }
      if (p === '/to-private-name') { res.writeHead(301, { location: `http://internal.example:${port}/secret` }); res.end(); return; }
      if (p === '/to-ok') { res.writeHead(307, { location: '/ok.png' }); res.end(); return; }
      if (p === '/loop') { res.writeHead(302, { location: '/loop' }); res.end(); return; }
      if (p === '/html') { res.writeHead(200, { 'content-type': 'text/html' }); res.end(HTML); return; }
      if (p === '/huge') { res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': String(2 * 1024 * 1024 * 1024) }); res.write(Buffer.alloc(1024)); return; }
      if (p === '/disguised') { res.writeHead(200, { 'content-type': 'image/png' }); res.end(HTML); return; }
      res.writeHead(404); res.end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  let lookups: string[] = [];
  function hooks(): void {
    lookups = [];
    setUrlFetchTestHooks({
      allowHttpForTests: true,
      lookup: async (host) => { lookups.push(host); return host === 'public.example' ? [{ address: '93.184.216.34', family: 4 }] : [{ address: '127.0.0.1', family: 4 }]; },
      // The vetted public address is really served by the local test server.
      dialForTests: (vetted) => (vetted === '93.184.216.34' ? '127.0.0.1' : vetted),
    });
  }

  it('downloads a vetted URL and uploads it as an asset (one DNS answer, pinned)', async () => {
    hooks();
    h.sim.clearRequests();
    const out = await h.ok('upload_asset', { url: `http://public.example:${port}/ok.png` });
    expect(out).toMatchObject({ mime_type: 'image/png' });
    expect(lookups).toEqual(['public.example']);
    expect(h.sim.apiRequests().map((r) => r.path)).toEqual(['/v3/assets']);
  });

  it('follows a redirect only after re-checking it', async () => {
    hooks();
    const out = await h.ok('upload_asset', { url: `http://public.example:${port}/to-ok` });
    expect(out.mime_type).toBe('image/png');
  });

  it('refuses redirects to loopback, by address or by a name resolving there; the target is never reached', async () => {
    hooks();
    hits.length = 0;
    await refused({ url: `http://public.example:${port}/to-loopback` }, /private, loopback or link-local/);
    await refused({ url: `http://public.example:${port}/to-private-name` }, /private, loopback or link-local/);
    expect(hits).toEqual(['/to-loopback', '/to-private-name']);
  });

  it('refuses redirect loops after 3 hops', async () => {
    hooks();
    await refused({ url: `http://public.example:${port}/loop` }, /more than 3 redirects/);
  });

  it('refuses a wrong content type, a disguised body, and an oversize body', async () => {
    hooks();
    await refused({ url: `http://public.example:${port}/html` }, /serves text\/html/);
    await refused({ url: `http://public.example:${port}/disguised` }, /is not png, jpeg/);
    await refused({ url: `http://public.example:${port}/huge` }, /over the 512\.0 MB limit/);
  });

  it('without the test hook, plain http is refused even for a public host', async () => {
    await refused({ url: `http://public.example:${port}/ok.png` }, /only https/);
  });
});

describe('base64', () => {
  it('refuses invalid base64, data: URLs, unknown content and oversize input', async () => {
    await refused({ base64: 'not base64!!' }, /Invalid base64: is not valid base64/);
    await refused({ base64: 'data:image/png;base64,iVBORw0KGgo=' }, /not a data: URL/);
    await refused({ base64: HTML.toString('base64') }, /Invalid base64: content must be/);
    await refused({ base64: 'A'.repeat(45 * 1024 * 1024) }, /base64/);
  });
});
