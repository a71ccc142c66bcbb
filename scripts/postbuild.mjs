// Runs after tsc: makes the bin executable, and writes dist/tools-list.json, every tool's
// finished tools/list entry, so a fresh process lists its tools without converting the zod
// schemas again (see src/tool-list.ts). The entries come from a real server over the in-memory
// transport, so they are exactly what the live path would produce.
import { chmodSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';

const dist = new URL('../dist/', import.meta.url);
const bin = new URL('index.js', dist);
if (existsSync(bin)) chmodSync(bin, 0o755);

const out = new URL('tools-list.json', dist);
rmSync(out, { force: true }); // never serve a list from an older build
const { loadConfig } = await import(new URL('config.js', dist).href);
const { createServer } = await import(new URL('server.js', dist).href);
const { HeyGenClient } = await import(new URL('heygen/client.js', dist).href);
const { MemoryStateProvider } = await import(new URL('state/memory.js', dist).href);
const { createLogger } = await import(new URL('log.js', dist).href);

const server = createServer({
  config: loadConfig(['--toolsets', 'all'], {}),
  heygen: new HeyGenClient({ apiKey: 'build', baseUrl: 'http://127.0.0.1:9' }),
  state: new MemoryStateProvider().forKey('build'),
  transport: 'stdio', sandbox: false, log: createLogger('silent'),
});
const client = new Client({ name: 'postbuild', version: '0' });
const [a, b] = InMemoryTransport.createLinkedPair();
await Promise.all([server.connect(a), client.connect(b)]);
const { tools } = await client.listTools();
await client.close();
writeFileSync(out, JSON.stringify({ tools: Object.fromEntries(tools.map((t) => [t.name, t])) }));
