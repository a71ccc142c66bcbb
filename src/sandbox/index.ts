/**
 * HeyGen v3 simulator: a real HTTP server on 127.0.0.1 speaking the v3 API with deterministic
 * catalogs, clock-driven jobs, signed file URLs and fault injection. Node built-ins (and zod) only.
 */
import { startServer } from './http-server.js';
import { allRoutes, handleUpload } from './routes/index.js';
import type { Fault, Simulator, SimulatorOptions } from './types.js';

export type { Fault, FaultKind, RecordedRequest, Simulator, SimulatorOptions } from './types.js';

export async function startSimulator(opts: SimulatorOptions = {}): Promise<Simulator> {
  const running = await startServer(opts, allRoutes(), handleUpload);
  const { core, requests, faults } = running;
  return {
    baseUrl: core.baseUrl,
    apiKey: core.apiKeys[0] as string,
    requests,
    apiRequests: () => requests.filter((r) => r.path.startsWith('/v3/')),
    clearRequests: () => { requests.length = 0; },
    fault: (f: Fault) => { faults.push({ ...f, left: f.times ?? 1 }); },
    clearFaults: () => { faults.length = 0; },
    setOutcome: (id, outcome) => { core.outcomes.set(id, outcome); },
    advance: (ms) => { core.offsetMs += ms; },
    close: () => running.close(),
  };
}
