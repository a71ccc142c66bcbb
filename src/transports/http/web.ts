import { once } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * A web `Request` describing a Node request whose body has already been read and parsed: the
 * SDK's entry takes the parsed value beside it. Its signal aborts when the client goes away,
 * which is how a 2026-07-28 client cancels a call (it closes the stream).
 */
export function webRequestOf(req: IncomingMessage, res: ServerResponse): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const ac = new AbortController();
  res.once('close', () => { if (!res.writableFinished) ac.abort(); });
  return new Request(`http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`, { method: req.method ?? 'POST', headers, signal: ac.signal });
}

/** Writes a web `Response` to a Node response, streaming (SSE) bodies with back-pressure. */
export async function sendWebResponse(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => { headers[name] = value; });
  const streaming = headers['content-type']?.startsWith('text/event-stream') === true;
  if (!streaming) {
    // A single JSON answer: read it whole and send it with its length, in one write.
    const body = response.body ? Buffer.from(await response.arrayBuffer()) : undefined;
    res.writeHead(response.status, body ? { ...headers, 'content-length': String(body.length) } : headers);
    res.end(body);
    return;
  }
  res.writeHead(response.status, headers);
  if (!response.body) {
    res.end();
    return;
  }
  res.flushHeaders();
  const reader = response.body.getReader();
  const stop = () => { reader.cancel().catch(() => undefined); };
  res.once('close', stop);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (res.destroyed) break;
      if (!res.write(value)) await Promise.race([once(res, 'drain'), once(res, 'close')]);
    }
  } catch {
    // The client went away or the stream failed: nothing more can be delivered.
  } finally {
    res.off('close', stop);
    if (!res.writableEnded) res.end();
  }
}
