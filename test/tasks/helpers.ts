import { createTaskSessionFromClient, type TaskEnabledSession, type WithTasksOptions } from '@modelcontextprotocol/ext-tasks/client';
import type { JsonValue } from '@modelcontextprotocol/ext-tasks/core';
import type { Harness } from '../helpers/harness.js';

export const TASKS_EXT = { extensions: { 'io.modelcontextprotocol/tasks': {} } };

/**
 * A task-aware client over the harness: the official ext-tasks session. On 2026-07-28 the SDK
 * client cannot decode a task result, so, as the package asks, it gets a raw request path (a
 * POST to the same HTTP entry) and the request framing; on 2025 it drives the SDK client itself.
 */
export function taskSession(h: Harness, capabilities: Record<string, JsonValue> = TASKS_EXT, onInputRequest?: WithTasksOptions["onInputRequest"]): TaskEnabledSession {
  if (h.era === 'legacy') return createTaskSessionFromClient(h.client, { endpointId: 'test', ...(onInputRequest ? { onInputRequest } : {}) });
  const fetch = h.fetch!;
  let seq = 0;
  return createTaskSessionFromClient(h.client, {
    endpointId: 'test',
    ...(onInputRequest ? { onInputRequest } : {}),
    rawDispatch: async (request) => {
      const body = request as { method: string; params?: { taskId?: string; name?: string } };
      const name = body.params?.taskId ?? body.params?.name;
      const res = await fetch(new Request('http://harness.local/mcp', {
        method: 'POST',
        headers: {
          'content-type': 'application/json', accept: 'application/json, text/event-stream',
          'mcp-protocol-version': '2026-07-28', 'mcp-method': body.method, ...(name ? { 'mcp-name': name } : {}),
        },
        // The session hands over the method and framed params; the JSON-RPC envelope is the transport's.
        body: JSON.stringify({ jsonrpc: '2.0', id: ++seq, ...(request as object) }),
      }));
      const text = await res.text();
      const json = text.startsWith('{') ? text : text.split('\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).at(-1) ?? '{}';
      const msg = JSON.parse(json) as { result?: JsonValue; error?: { code: number; message: string; data?: JsonValue } };
      return msg.error ? { kind: 'error', error: msg.error } : { kind: 'result', result: msg.result as never };
    },
    v2RequestFraming: { protocolVersion: '2026-07-28', clientInfo: { name: 'test', version: '0' }, clientCapabilities: capabilities },
  });
}

/** Raw JSON-RPC over the modern entry: what a task-aware client sends, and the answer as it came. */
export async function rpc(h: Harness, method: string, params: Record<string, unknown>, capabilities: Record<string, unknown> = TASKS_EXT): Promise<{ result?: any; error?: { code: number; message: string; data?: any } }> {
  const name = (params.taskId ?? params.name) as string | undefined;
  const res = await h.fetch!(new Request('http://harness.local/mcp', {
    method: 'POST',
    headers: {
      'content-type': 'application/json', accept: 'application/json, text/event-stream',
      'mcp-protocol-version': '2026-07-28', 'mcp-method': method, ...(name ? { 'mcp-name': name } : {}),
    },
    body: JSON.stringify({
      jsonrpc: '2.0', id: 1, method,
      params: { ...params, _meta: { 'io.modelcontextprotocol/protocolVersion': '2026-07-28', 'io.modelcontextprotocol/clientInfo': { name: 'raw', version: '0' }, 'io.modelcontextprotocol/clientCapabilities': capabilities } },
    }),
  }));
  const text = await res.text();
  const json = text.startsWith('{') ? text : text.split('\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).at(-1) ?? '{}';
  return JSON.parse(json);
}

/** Calls `read` until `ok` says yes or the deadline passes (no fixed sleeps). */
export async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, deadlineMs = 10_000, stepMs = 25): Promise<T> {
  const end = Date.now() + deadlineMs;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`condition not met within ${deadlineMs} ms; last: ${JSON.stringify(v).slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, stepMs));
  }
}
