#!/usr/bin/env node
// Catalog benchmark (issue 4): find a voice by language + gender in the simulator's 2,000+ voice
// catalog through a real MCP client, cold and warm, counting upstream requests; and the size of
// tools/list for the default toolsets (tokens ≈ chars / 4) with a per-tool table.
// Needs a build: `npm run build`, then `node bench/catalog.mjs` (or import { run }).
import { pathToFileURL } from 'node:url';
import { Client, InMemoryTransport } from '@modelcontextprotocol/client';

const dist = process.env.BENCH_DIST ? pathToFileURL(process.env.BENCH_DIST.replace(/\/?$/, '/')) : new URL('../dist/', import.meta.url);
const load = (p) => import(new URL(p, dist).href);

const WARM_RUNS = 50;
const WARM_MAX_MS = 5;
const TOOLS_MAX_TOKENS = 12_000;
const TOOL_MAX_TOKENS = 400;
const LANGUAGE = 'English';
const GENDER = 'female';

const tokens = (chars) => Math.ceil(chars / 4);
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]; };
const r2 = (x) => Math.round(x * 100) / 100;

async function setup() {
  const { startSimulator } = await load('sandbox/index.js');
  const { loadConfig } = await load('config.js');
  const { HeyGenClient } = await load('heygen/client.js');
  const { MemoryStateProvider } = await load('state/memory.js');
  const { silentLogger } = await load('log.js');
  const { createServer, prepareServer } = await load('server.js');
  await prepareServer();
  const sim = await startSimulator({ speed: 60 });
  const upstream = { count: 0 };
  const config = loadConfig([], { HEYGEN_API_KEY: sim.apiKey });
  const heygen = new HeyGenClient({ apiKey: sim.apiKey, baseUrl: sim.baseUrl, onAttempt: () => { upstream.count++; } });
  const deps = { config, heygen, state: new MemoryStateProvider().forKey(sim.apiKey), transport: 'stdio', sandbox: false, log: silentLogger };
  const server = createServer(deps);
  const client = new Client({ name: 'bench', version: '0' });
  const [ct, st] = InMemoryTransport.createLinkedPair();
  await Promise.all([server.connect(st), client.connect(ct)]);
  // A second, uncounted client measures what the API needs: pages at its largest page size.
  const probe = new HeyGenClient({ apiKey: sim.apiKey, baseUrl: sim.baseUrl });
  return { sim, client, server, upstream, probe };
}

async function apiPages(probe, filters) {
  let token;
  let pages = 0;
  let items = 0;
  do {
    const p = await probe.voices.list({ ...filters, limit: 100, token });
    pages++;
    items += p.items.length;
    token = p.hasMore ? p.nextToken : undefined;
  } while (token);
  return { pages, items };
}

async function timed(client, upstream, args) {
  const before = upstream.count;
  const t0 = process.hrtime.bigint();
  const r = await client.callTool({ name: 'list_voices', arguments: args });
  const msTaken = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.isError) throw new Error(`list_voices failed: ${JSON.stringify(r.content)}`);
  return { ms: msTaken, requests: upstream.count - before, found: r.structuredContent.voices.length, total: r.structuredContent.total };
}

async function lookup(client, upstream, probe, name, args, needed) {
  const cold = await timed(client, upstream, args);
  const warm = [];
  for (let i = 0; i < WARM_RUNS; i++) warm.push(await timed(client, upstream, args));
  const warmRequests = warm.reduce((s, w) => s + w.requests, 0);
  return {
    case: name,
    api_pages_needed: needed,
    cold_requests: cold.requests,
    cold_ms: r2(cold.ms),
    warm_requests: warmRequests,
    warm_p50_ms: r2(pct(warm.map((w) => w.ms), 50)),
    warm_max_ms: r2(Math.max(...warm.map((w) => w.ms))),
    found: cold.found,
    ok: cold.requests <= needed && warmRequests === 0 && pct(warm.map((w) => w.ms), 50) <= WARM_MAX_MS,
  };
}

export async function run({ print = true } = {}) {
  const { sim, client, server, upstream, probe } = await setup();
  try {
    const catalog = await apiPages(probe, {});
    const filtered = await apiPages(probe, { language: LANGUAGE, gender: GENDER });
    const lookups = [
      // First page of matches: HeyGen filters, one page is all the API needs.
      await lookup(client, upstream, probe, `${LANGUAGE} + ${GENDER}`, { language: LANGUAGE, gender: GENDER }, 1),
      // A name query over the filtered catalog: walked once at 100 per page, then answered locally.
      await lookup(client, upstream, probe, `${LANGUAGE} + ${GENDER} + name "warm"`, { language: LANGUAGE, gender: GENDER, query: 'warm' }, filtered.pages),
    ];

    const { tools } = await client.listTools();
    const perTool = tools.map((t) => ({ name: t.name, chars: JSON.stringify(t).length, tokens: tokens(JSON.stringify(t).length) }));
    const totalChars = JSON.stringify({ tools }).length;
    const over = perTool.filter((t) => t.tokens > TOOL_MAX_TOKENS);
    const toolsList = {
      tools: tools.length,
      total_chars: totalChars,
      total_tokens: tokens(totalChars),
      max_tool: perTool.reduce((a, b) => (b.tokens > a.tokens ? b : a), perTool[0]),
      over_400_tokens: over.map((t) => `${t.name}=${t.tokens}`),
      ok: tokens(totalChars) <= TOOLS_MAX_TOKENS && over.length === 0,
      per_tool: perTool,
    };
    const result = {
      voices_in_catalog: catalog.items,
      filtered_voices: filtered.items,
      lookups,
      tools_list: toolsList,
      summary: {
        cold: lookups.map((l) => `${l.cold_requests}/${l.api_pages_needed} req`).join(', '),
        warm: lookups.map((l) => `${l.warm_requests} req p50 ${l.warm_p50_ms} ms`).join(', '),
        tools_list_tokens: toolsList.total_tokens,
        ok: lookups.every((l) => l.ok) && toolsList.ok,
      },
    };
    if (print) report(result);
    return result;
  } finally {
    await client.close();
    await server.close();
    await sim.close();
  }
}

function report(r) {
  const out = (s) => process.stdout.write(s + '\n');
  out(`Catalog: ${r.voices_in_catalog} voices; ${r.filtered_voices} match ${LANGUAGE} + ${GENDER}.`);
  out('');
  out('lookup                               | API pages needed | cold req | cold ms | warm req (x50) | warm p50 ms | warm max ms | ok');
  out('-------------------------------------|------------------|----------|---------|----------------|-------------|-------------|---');
  for (const l of r.lookups) {
    out(`${l.case.padEnd(37)}| ${String(l.api_pages_needed).padEnd(17)}| ${String(l.cold_requests).padEnd(9)}| ${String(l.cold_ms).padEnd(8)}| ${String(l.warm_requests).padEnd(15)}| ${String(l.warm_p50_ms).padEnd(12)}| ${String(l.warm_max_ms).padEnd(12)}| ${l.ok ? 'yes' : 'NO'}`);
  }
  out('');
  out(`tools/list, default toolsets: ${r.tools_list.tools} tools, ${r.tools_list.total_chars} chars ≈ ${r.tools_list.total_tokens} tokens (budget ${TOOLS_MAX_TOKENS}; per tool ${TOOL_MAX_TOKENS}) ${r.tools_list.ok ? 'ok' : 'OVER'}`);
  out('');
  out('tool                              | chars | tokens');
  out('----------------------------------|-------|-------');
  for (const t of r.tools_list.per_tool) out(`${t.name.padEnd(34)}| ${String(t.chars).padEnd(6)}| ${t.tokens}${t.tokens > TOOL_MAX_TOKENS ? '  OVER' : ''}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  run().then((r) => { process.exitCode = r.summary.ok ? 0 : 1; }, (err) => { process.stderr.write(`${err.stack ?? err}\n`); process.exitCode = 1; });
}
