import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The project says things in its own words: facts carry over from the reference material,
 * sentences (10+ words) do not. The reference lives in ../shared beside the clone.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const shared = join(root, '..', 'shared');
const present = existsSync(shared);

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9 ]+/g, ' ').replace(/\s+/g, ' ').trim();
const walk = (d: string): string[] => readdirSync(d).flatMap((f) => {
  const p = join(d, f);
  return statSync(p).isDirectory() ? walk(p) : [p];
});

function referenceSentences(): Map<string, string> {
  const out = new Map<string, string>();
  for (const sub of ['seed', 'research', 'heygen-api', 'prompt-kit']) {
    const dir = join(shared, sub);
    if (!existsSync(dir)) continue;
    for (const f of walk(dir).filter((x) => /\.(md|txt)$/.test(x))) {
      for (const raw of readFileSync(f, 'utf8').split(/(?<=[.!?])\s+|\n/)) {
        const n = norm(raw);
        if (n.split(' ').length >= 10) out.set(n, f.slice(shared.length + 1));
      }
    }
  }
  return out;
}

describe.skipIf(!present)('originality', () => {
  it('no sentence of the reference material stands word for word in a tracked file', () => {
    const sentences = referenceSentences();
    expect(sentences.size).toBeGreaterThan(100);
    const tracked = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' }).split('\n')
      .filter((f) => f && !f.endsWith('package-lock.json')
        && !/\.(png|jpe?g|gif|mp4|webm|mp3|wav|lock|ico|woff2?)$/.test(f));
    const hits: string[] = [];
    for (const f of tracked) {
      let text: string;
      try { text = norm(readFileSync(join(root, f), 'utf8')); } catch { continue; }
      for (const [s, src] of sentences) if (text.includes(s)) hits.push(`${f} <= ${src}: "${s.slice(0, 80)}…"`);
    }
    expect(hits, hits.slice(0, 15).join('\n')).toEqual([]);
  });
});

if (!present) {
  it.skip(`originality: reference material not found at ${shared} (expected ../shared beside the repository)`, () => undefined);
}
