// Prints what each tool costs in tools/list (characters and ≈ tokens at chars/4), largest first,
// for the default toolsets or the ones named: `node scripts/tool-sizes.mjs [toolsets]`. Run
// `npm run build` first; it reads dist/.
import { Client, InMemoryTransport } from '@modelcontextprotocol/client';

const { loadConfig } = await import('../dist/config.js');
const { createServer, prepareServer } = await import('../dist/server.js');
await prepareServer();
const { HeyGenClient } = await import('../dist/heygen/client.js');
const { MemoryStateProvider } = await import('../dist/state/memory.js');
const { createLogger } = await import('../dist/log.js');

const config = loadConfig(process.argv[2] ? ['--toolsets', process.argv[2]] : [], {});
const server = createServer({
  config, heygen: new HeyGenClient({ apiKey: 'x', baseUrl: 'http://127.0.0.1:9' }),
  state: new MemoryStateProvider().forKey('x'), transport: 'stdio', sandbox: false, log: createLogger('silent'),
});
const client = new Client({ name: 'sizes', version: '0' });
const [a, b] = InMemoryTransport.createLinkedPair();
await Promise.all([server.connect(a), client.connect(b)]);
const { tools } = await client.listTools();
const rows = tools.map((t) => ({
  name: t.name, chars: JSON.stringify(t).length, input: JSON.stringify(t.inputSchema).length,
  output: JSON.stringify(t.outputSchema ?? {}).length, description: (t.description ?? '').length,
})).sort((x, y) => y.chars - x.chars);
console.log('tool'.padEnd(32), 'chars', 'tokens', 'input', 'output', 'desc');
for (const r of rows) console.log(r.name.padEnd(32), String(r.chars).padStart(5), String(Math.round(r.chars / 4)).padStart(6), String(r.input).padStart(5), String(r.output).padStart(6), String(r.description).padStart(4));
const total = JSON.stringify({ tools }).length;
console.log(`\n${tools.length} tools, ${total} chars ≈ ${Math.round(total / 4)} tokens`);
await client.close();
