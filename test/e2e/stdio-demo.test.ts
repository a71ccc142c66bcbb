import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// `npm test` builds first; the bin under test is the one users run.
const bin = fileURLToPath(new URL('../../dist/index.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'heygen-mcp-e2e-'));
let client: Client;

beforeAll(async () => {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [bin, '--sandbox'],
    env: { ...process.env as Record<string, string>, HEYGEN_MCP_DOWNLOAD_DIR: dir, HEYGEN_MCP_SANDBOX_SPEED: '240' },
    stderr: 'ignore',
  });
  client = new Client({ name: 'e2e', version: '0' }, { versionNegotiation: { mode: 'auto' } });
  await client.connect(transport);
}, 30_000);

afterAll(async () => {
  await client?.close();
  rmSync(dir, { recursive: true, force: true });
});

const call = async (name: string, args: Record<string, unknown>, onprogress?: (p: { progress: number }) => void) => {
  const r = await client.callTool({ name, arguments: args }, { timeout: 60_000, ...(onprogress ? { onprogress } : {}) });
  if (r.isError) throw new Error(`${name}: ${JSON.stringify(r.content)}`);
  return r.structuredContent as Record<string, any>;
};

describe('stdio end to end on the sandbox', () => {
  it('create_video_agent → wait_for_job → download_video gives a real MP4 file', async () => {
    const s = await call('create_video_agent', { prompt: 'FORMAT: 20-second teaser for a coffee shop opening.\nSCENE 1 — A-ROLL (20s): the owner invites the neighbourhood.' });
    expect(s.session_id).toBeTruthy();
    const progress: number[] = [];
    let done: Record<string, any> = {};
    for (let i = 0; i < 3 && !done.done; i++) done = await call('wait_for_job', { kind: 'video_agent_session', id: s.session_id, timeout_seconds: 20 }, (p) => progress.push(p.progress));
    expect(done).toMatchObject({ done: true, status: 'completed' });
    expect(progress.length).toBeGreaterThan(0);
    const d = await call('download_video', { video_id: done.video_id });
    expect(d.path.startsWith(dir)).toBe(true);
    const bytes = readFileSync(d.path);
    expect(bytes.length).toBe(d.size_bytes);
    expect(bytes.subarray(4, 8).toString('latin1')).toBe('ftyp');
  }, 60_000);
});
