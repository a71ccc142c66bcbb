import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The seed's worked example and its five templates, read from ../shared at test time rather than
 * copied into the repository (the project keeps no sentence of the reference material).
 * CI has shared/ beside the clone; elsewhere the tests that need it are skipped.
 */
const EXAMPLES = fileURLToPath(new URL('../../../shared/seed/references/prompt-examples.md', import.meta.url));
export const hasSeed = existsSync(EXAMPLES);

export interface SeedPrompts {
  example: string;
  /** Keyed by a slug of the template's heading, e.g. `tech-news-briefing`. */
  templates: Record<string, string>;
}

export function seedPrompts(): SeedPrompts {
  const lines = readFileSync(EXAMPLES, 'utf8').split('\n');
  const blocks: { heading: string; inTemplates: boolean; text: string }[] = [];
  let heading = '';
  let inTemplates = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('## ')) inTemplates = /template/i.test(line);
    if (line.startsWith('### ')) heading = line.slice(4).trim();
    if (line.startsWith('```')) {
      const end = lines.findIndex((l, j) => j > i && l.startsWith('```'));
      blocks.push({ heading, inTemplates, text: lines.slice(i + 1, end).join('\n') + '\n' });
      i = end;
    }
  }
  const example = blocks.find((b) => /output prompt/i.test(b.heading))?.text ?? '';
  const templates: Record<string, string> = {};
  for (const b of blocks.filter((x) => x.inTemplates)) {
    templates[b.heading.replace(/\(.*\)/, '').trim().toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/-$/, '')] = b.text;
  }
  return { example, templates };
}
