import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { freePort } from '../helpers/redis.js';

/** The built bin (`npm test` builds first; otherwise test/setup/build-dist.ts does). */
export const BIN = resolve(import.meta.dirname, '../../dist/index.js');

export interface Replica {
  port: number;
  url: string;
  logs: string[];
  stop(): Promise<void>;
}

/** Spawns `node dist/index.js --http` and waits for /healthz. */
export async function startReplica(env: Record<string, string>, extraArgs: string[] = []): Promise<Replica> {
  const port = await freePort();
  const logs: string[] = [];
  const child: ChildProcess = spawn(process.execPath, [BIN, '--http', '--port', String(port), ...extraArgs], {
    env: { PATH: process.env.PATH ?? '', HEYGEN_MCP_LOG_LEVEL: 'warn', HEYGEN_MCP_TOOLSETS: 'all', HEYGEN_MCP_DOWNLOAD_DIR: '/tmp/heygen-mcp-test-downloads', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr?.on('data', (d: Buffer) => logs.push(d.toString()));
  const url = `http://127.0.0.1:${port}/mcp`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`replica exited (${child.exitCode}): ${logs.join('')}`);
    try {
      const r = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`replica on ${port} did not start: ${logs.join('')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    port,
    url,
    logs,
    stop: () => new Promise<void>((res) => {
      if (child.exitCode !== null) return res();
      child.once('exit', () => res());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 3_000).unref();
    }),
  };
}

/** A 2025 client: initialize, then a session on that replica. */
export async function mcpClient(url: string): Promise<Client> {
  const client = new Client({ name: 'replica-test', version: '0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(url)));
  return client;
}

/**
 * A 2026-07-28 client behind a load balancer with no affinity: its requests go to the given
 * replicas in turn. `hits` counts the requests each replica received.
 */
export async function roundRobinClient(urls: string[]): Promise<{ client: Client; hits: number[] }> {
  const hits = urls.map(() => 0);
  let next = 0;
  const client = new Client({ name: 'replica-test', version: '0' }, { versionNegotiation: { mode: { pin: '2026-07-28' } } });
  await client.connect(new StreamableHTTPClientTransport(new URL(urls[0]!), {
    fetch: (_url, init) => {
      const i = next++ % urls.length;
      hits[i]!++;
      return fetch(urls[i]!, init);
    },
  }));
  return { client, hits };
}

export interface SseEvent { id?: string; data: string }

/** Reads SSE events from a fetch body, calling `onEvent` until it returns true or the body ends. */
export async function readSse(body: ReadableStream<Uint8Array>, onEvent: (e: SseEvent) => boolean): Promise<void> {
  const reader = body.getReader();
  const dec = new TextDecoder();
  let buf = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buf += dec.decode(value, { stream: true });
    let at: number;
    while ((at = buf.indexOf('\n\n')) >= 0) {
      const block = buf.slice(0, at);
      buf = buf.slice(at + 2);
      const e: SseEvent = { data: '' };
      for (const line of block.split('\n')) {
        if (line.startsWith('id:')) e.id = line.slice(3).trim();
        else if (line.startsWith('data:')) e.data += line.slice(5).trim();
      }
      if (onEvent(e)) {
        await reader.cancel().catch(() => undefined);
        return;
      }
    }
  }
}
