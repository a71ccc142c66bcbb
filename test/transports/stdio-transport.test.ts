import { readFileSync } from 'node:fs';
import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  BackpressureStdioTransport, DEFAULT_MAX_LINE_BYTES, LineTooLong, OutboundQueueFull, type JsonRpcMessage,
} from '../../src/transports/stdio-transport.js';

/** A stdout whose reader does not read until release(): every write stays pending. */
function reader(highWaterMark = 16 * 1024) {
  const held: (() => void)[] = [];
  let reading = false;
  let text = '';
  const out = new Writable({
    highWaterMark,
    write(chunk: Buffer, _enc, cb) {
      text += chunk.toString('utf8');
      if (reading) cb(); else held.push(cb);
    },
  });
  return {
    out,
    lines: () => text.split('\n').filter(Boolean),
    release() { reading = true; for (const cb of held.splice(0)) cb(); },
  };
}

/** Waits for `cond` by turning the event loop, failing after `ms`. */
async function until(cond: () => boolean, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error('condition not met before the deadline');
    await new Promise((r) => setImmediate(r));
  }
}
const turns = async (n: number) => { for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r)); };
const request = (id: number) => JSON.stringify({ jsonrpc: '2.0', id, method: 'tools/call', params: { name: 'get_account' } }) + '\n';
const answer = (m: JsonRpcMessage) => ({ jsonrpc: '2.0', id: m.id, result: { pad: 'x'.repeat(10_000) } });

describe('BackpressureStdioTransport', () => {
  it('a client that never reads stdout: input stops being consumed once stdout is blocked, and nothing piles up', async () => {
    const stdin = new PassThrough();
    const r = reader();
    const t = new BackpressureStdioTransport({ stdin, stdout: r.out });
    let handled = 0;
    t.onmessage = (m) => { handled++; void t.send(answer(m)).catch(() => undefined); };
    await t.start();
    stdin.write(Array.from({ length: 3_000 }, (_, i) => request(i)).join(''));
    await until(() => t.waitingForDrain);
    const atBlock = handled;
    expect(atBlock).toBeLessThan(10);
    // More input while blocked stays unread in stdin.
    for (let i = 3_000; i < 3_100; i++) stdin.write(request(i));
    await turns(50);
    expect(handled).toBe(atBlock);
    expect(stdin.readableLength).toBeGreaterThan(0);
    expect(t.queuedBytes).toBe(0);
    expect(r.out.writableLength).toBeLessThan(64 * 1024);
  });

  it('draining resumes: once the client reads, every request is answered, in order', async () => {
    const stdin = new PassThrough();
    const r = reader();
    const t = new BackpressureStdioTransport({ stdin, stdout: r.out });
    t.onmessage = (m) => { void t.send(answer(m)); };
    await t.start();
    stdin.write(Array.from({ length: 3_000 }, (_, i) => request(i)).join(''));
    await until(() => t.waitingForDrain);
    r.release();
    await until(() => r.lines().length === 3_000);
    expect(r.lines().map((l) => (JSON.parse(l) as { id: number }).id)).toEqual(Array.from({ length: 3_000 }, (_, i) => i));
    expect(t.waitingForDrain).toBe(false);
  });

  it('answers sent later (as the SDK does) wait in a queue bounded by maxQueuedBytes; past it a send is refused', async () => {
    const stdin = new PassThrough();
    const r = reader();
    const max = 256 * 1024;
    const t = new BackpressureStdioTransport({ stdin, stdout: r.out, maxQueuedBytes: max });
    const errors: Error[] = [];
    t.onerror = (e) => errors.push(e);
    let peak = 0;
    let refused = 0;
    let attempted = 0;
    t.onmessage = (m) => setImmediate(() => {
      attempted++;
      t.send(answer(m)).catch((e: unknown) => { if (e instanceof OutboundQueueFull) refused++; });
      peak = Math.max(peak, t.queuedBytes);
    });
    await t.start();
    stdin.write(Array.from({ length: 3_000 }, (_, i) => request(i)).join(''));
    await until(() => attempted === 3_000);
    await turns(5);
    expect(peak).toBeLessThanOrEqual(max);
    expect(refused).toBeGreaterThan(2_900);
    expect(errors.some((e) => e instanceof OutboundQueueFull)).toBe(true);
    r.release();
    await until(() => t.queuedBytes === 0 && !t.waitingForDrain);
  });

  it('a line over the cap (default 10 MB) reports LineTooLong and closes the transport, once', async () => {
    expect(DEFAULT_MAX_LINE_BYTES).toBe(10 * 1024 * 1024);
    const stdin = new PassThrough();
    const t = new BackpressureStdioTransport({ stdin, stdout: reader().out, maxLineBytes: 1_000 });
    const errors: Error[] = [];
    let closed = 0;
    t.onerror = (e) => errors.push(e);
    t.onclose = () => { closed++; };
    await t.start();
    stdin.write('{"jsonrpc":"2.0","method":"x","params":{"pad":"');
    stdin.write('y'.repeat(2_000));
    await until(() => closed === 1);
    expect(errors[0]).toBeInstanceOf(LineTooLong);
    await expect(t.send({ jsonrpc: '2.0', method: 'late' })).rejects.toThrow(/closed/);
    await t.close();
    expect(closed).toBe(1);
  });

  it('unreadable or non-JSON-RPC lines are reported and skipped; CRLF and blank lines are fine', async () => {
    const stdin = new PassThrough();
    const t = new BackpressureStdioTransport({ stdin, stdout: reader().out });
    const got: JsonRpcMessage[] = [];
    const errors: Error[] = [];
    t.onmessage = (m) => got.push(m);
    t.onerror = (e) => errors.push(e);
    await t.start();
    stdin.write('{not json\n[1,2]\n\n{"jsonrpc":"2.0","id":1,"method":"ping"}\r\n{"jsonrpc":"2.0",');
    stdin.write('"id":2,"method":"ping"}\n');
    await until(() => got.length === 2);
    expect(got.map((m) => m.id)).toEqual([1, 2]);
    expect(errors).toHaveLength(2);
  });

  it('close() rejects what still waits for stdout and stops reading stdin', async () => {
    const stdin = new PassThrough();
    const r = reader(10);
    const t = new BackpressureStdioTransport({ stdin, stdout: r.out });
    await t.start();
    await t.send({ jsonrpc: '2.0', method: 'first' });
    expect(t.waitingForDrain).toBe(true);
    const waiting = t.send({ jsonrpc: '2.0', method: 'second' });
    await t.close();
    await expect(waiting).rejects.toThrow(/closed/);
    expect(stdin.isPaused()).toBe(true);
  });

  it('does not import the MCP SDK (it is handed to whichever SDK serves stdio)', () => {
    const source = readFileSync(new URL('../../src/transports/stdio-transport.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/@modelcontextprotocol\/sdk/);
  });
});

describe('BackpressureStdioTransport send failures', () => {
  it('a message that cannot be serialised rejects its send instead of throwing', async () => {
    const t = new BackpressureStdioTransport({ stdin: new PassThrough(), stdout: reader().out });
    await t.start();
    const cyclic: JsonRpcMessage = { jsonrpc: '2.0', method: 'x' };
    cyclic.self = cyclic;
    await expect(t.send(cyclic)).rejects.toThrow(/circular/i);
    await t.close();
  });
});
