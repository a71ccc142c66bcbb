import { startSimulator, type Simulator, type SimulatorOptions } from '../../src/sandbox/index.js';

export interface Harness {
  sim: Simulator;
  clock: { t: number };
  call(method: string, path: string, body?: unknown, key?: string | null): Promise<{ status: number; json: any; headers: Headers }>;
}

export async function harness(opts: SimulatorOptions = {}): Promise<Harness> {
  const clock = { t: 1_800_000_000_000 };
  const sim = await startSimulator({ now: () => clock.t, ...opts });
  const call = async (method: string, path: string, body?: unknown, key: string | null = sim.apiKey) => {
    const headers: Record<string, string> = {};
    if (key !== null) headers['x-api-key'] = key;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(sim.baseUrl + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : undefined, headers: res.headers };
  };
  return { sim, clock, call };
}
