import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'heygen-mcp-pack-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the published package', () => {
  it('installs from `npm pack` into an empty folder, and `npx heygen-mcp --sandbox` answers a 2026-07-28 client', async () => {
    const npm = (args: string[], cwd: string) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 150_000 });
    const tgz = npm(['pack', '--silent', '--pack-destination', dir], root).trim().split('\n').pop()!;
    const app = join(dir, 'app');
    execFileSync('mkdir', ['-p', app]);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'pack-check', version: '0.0.0', private: true }));
    npm(['install', '--no-audit', '--no-fund', '--prefer-offline', '--omit=dev', join(dir, tgz)], app);
    const transport = new StdioClientTransport({ command: 'npx', args: ['--no-install', 'heygen-mcp', '--sandbox'], cwd: app, stderr: 'ignore', env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? dir } });
    const client = new Client({ name: 'pack', version: '0' }, { versionNegotiation: { mode: { pin: '2026-07-28' } } });
    await client.connect(transport);
    try {
      expect((await client.listTools()).tools.map((t) => t.name)).toContain('create_video_agent');
      expect((await client.callTool({ name: 'get_account', arguments: {} })).isError ?? false).toBe(false);
    } finally {
      await client.close();
    }
  }, 200_000);
});
