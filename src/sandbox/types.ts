export interface SimulatorOptions {
  /** Valid x-api-key values; default ['sk_sandbox']. */
  apiKeys?: string[];
  /** Simulated seconds per real second (default 1). */
  speed?: number;
  /** Clock in ms (default Date.now). */
  now?: () => number;
  /** Lifetime of presigned-like file URLs, in seconds (default 3600). */
  fileUrlTtlSeconds?: number;
  /** Keys whose paid creates answer 402 insufficient_credit (zero balance). */
  lowCreditKeys?: string[];
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
  rawBody: Buffer;
}

export type FaultKind = 'status' | 'rate_limit' | 'html' | 'truncated' | 'slow' | 'reset' | 'expired_url' | 'empty';

export interface Fault {
  method?: string;
  /** Exact pathname, a prefix when it ends with '*', or a RegExp tested against the pathname. */
  path?: string | RegExp;
  kind: FaultKind;
  status?: number;
  retryAfter?: string;
  delayMs?: number;
  /** How many matching requests consume this fault (default 1). */
  times?: number;
}

export interface Simulator {
  baseUrl: string;
  apiKey: string;
  requests: RecordedRequest[];
  apiRequests(): RecordedRequest[];
  clearRequests(): void;
  fault(f: Fault): void;
  clearFaults(): void;
  setOutcome(id: string, outcome: 'completed' | 'failed'): void;
  advance(ms: number): void;
  close(): Promise<void>;
}
