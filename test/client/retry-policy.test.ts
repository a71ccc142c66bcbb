import { describe, expect, it } from 'vitest';
import { parseRetryAfter, retryDelayMs, shouldRetry } from '../../src/heygen/retry-policy.js';

describe('retry policy table', () => {
  it.each([
    ['GET', 429, true], ['POST', 429, true], ['PATCH', 429, true],
    ['GET', 500, true], ['GET', 502, true], ['GET', 503, true], ['GET', 504, true], ['DELETE', 503, true], ['PUT', 500, true],
    ['POST', 500, false], ['PATCH', 503, false], ['GET', 501, false], ['GET', 400, false], ['GET', 404, false],
  ] as const)('%s answered %i → retry %s', (method, status, expected) => {
    expect(shouldRetry(method, { kind: 'status', status }, true)).toBe(expected);
  });

  it('network errors retry only idempotent methods; timeouts never; unreplayable bodies never', () => {
    expect(shouldRetry('GET', { kind: 'network' }, true)).toBe(true);
    expect(shouldRetry('POST', { kind: 'network' }, true)).toBe(false);
    expect(shouldRetry('GET', { kind: 'timeout' }, true)).toBe(false);
    expect(shouldRetry('PUT', { kind: 'status', status: 503 }, false)).toBe(false);
  });

  it('backoff is 1 s × 2^n with ±25 % jitter, capped at 30 s', () => {
    expect(retryDelayMs(0, undefined, () => 0)).toBe(750);
    expect(retryDelayMs(0, undefined, () => 1)).toBe(1250);
    expect(retryDelayMs(1, undefined, () => 0.5)).toBe(2000);
    expect(retryDelayMs(10, undefined, () => 1)).toBe(30_000);
  });

  it('a longer Retry-After replaces the computed delay, clamped to 30 s; a shorter one does not', () => {
    expect(retryDelayMs(0, 7_000, () => 0.5)).toBe(7_000);
    expect(retryDelayMs(0, 90_000, () => 0.5)).toBe(30_000);
    expect(retryDelayMs(1, 500, () => 0.5)).toBe(2_000);
  });

  it('parses Retry-After seconds and HTTP dates; ignores garbage', () => {
    expect(parseRetryAfter('12')).toBe(12_000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6_000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(undefined)).toBeUndefined();
  });
});
