import type { ServerResponse } from 'node:http';

/** Small response helpers for the HTTP transport: JSON, JSON-RPC errors without an id. */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store', ...headers });
  res.end(text);
}

/** JSON-RPC error codes the transport uses: the SDK's -32000 (bad request) and -32001 (session not found). */
export const RPC = { BAD_REQUEST: -32000, SESSION_NOT_FOUND: -32001, PARSE_ERROR: -32700 } as const;

/** A JSON-RPC error; `id` is the request's when it could be read (the spec wants it echoed). */
export function sendRpcError(res: ServerResponse, status: number, code: number, message: string, headers: Record<string, string> = {}, id: string | number | null = null): void {
  sendJson(res, status, { jsonrpc: '2.0', error: { code, message }, id }, headers);
}

/** Refuses with the body unread: the connection is closed so the rest of it is never buffered. */
export function refuseBody(res: ServerResponse, status: number, code: number, message: string): void {
  sendRpcError(res, status, code, message, { connection: 'close' });
}
