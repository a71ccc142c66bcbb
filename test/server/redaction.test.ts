import { describe, expect, it } from 'vitest';
import * as log from '../../src/log.js';

/** Each test file runs in its own process (pool: forks), so the registry starts empty here. */
describe('process-wide redaction list', () => {
  it('stays bounded (≤ MAX_TRANSIENT_SECRETS + pinned) after 10,000 client keys, and the server\'s own secrets stay masked', () => {
    const own = 'sk_server_own_key_0001';
    log.pinSecret(own);
    for (let i = 0; i < 10_000; i++) log.redact(`sk_client_${String(i).padStart(6, '0')}`);
    expect(log.redactedCount()).toBeLessThanOrEqual(log.MAX_TRANSIENT_SECRETS + 1);
    expect(log.scrub(`key ${own}`)).toBe('key [redacted]');
    // The most recent client keys are still masked; the oldest were forgotten.
    expect(log.scrub('sk_client_009999')).toBe('[redacted]');
    expect(log.scrub('sk_client_000000')).toBe('sk_client_000000');
  });

  it('registering a client key again keeps it (least recently registered goes first)', () => {
    const kept = 'sk_client_keep_me';
    log.redact(kept);
    for (let i = 0; i < log.MAX_TRANSIENT_SECRETS - 1; i++) {
      log.redact(`sk_other_${i}`);
      if (i % 100 === 0) log.redact(kept);
    }
    for (let i = 0; i < 50; i++) log.redact(`sk_more_${i}`);
    expect(log.scrub(kept)).toBe('[redacted]');
  });

  it('a client key equal to a pinned secret never unpins it', () => {
    log.pinSecret('sk_pinned_shared');
    log.redact('sk_pinned_shared');
    for (let i = 0; i < log.MAX_TRANSIENT_SECRETS + 10; i++) log.redact(`sk_flood_${i}`);
    expect(log.scrub('sk_pinned_shared')).toBe('[redacted]');
  });
});
