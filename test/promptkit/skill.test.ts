import { describe, expect, it } from 'vitest';
import { NATURAL_FLOW, RENDER, STRUCTURED_METHOD } from '../../src/promptkit/method.js';
import { VIDEO_AGENT_SKILL_NAME, videoAgentSkill } from '../../src/promptkit/skill.js';
import { VISUAL_STYLES } from '../../src/promptkit/styles.js';

const files = videoAgentSkill();
const byPath = new Map(files.map((f) => [f.path, f.text]));
const skill = files[0]!;

/** YAML front matter of the simple kind SKILL.md uses: `key: value` lines between two `---` lines. */
function frontMatter(text: string): Record<string, string> {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!m) throw new Error('no front matter');
  return Object.fromEntries(m[1]!.split('\n').map((l) => {
    const i = l.indexOf(':');
    return [l.slice(0, i).trim(), l.slice(i + 1).trim()];
  }));
}

describe('the video-agent skill', () => {
  it('puts SKILL.md first, with front matter naming the skill and a one-line description', () => {
    expect(skill.path).toBe('SKILL.md');
    const fm = frontMatter(skill.text);
    expect(Object.keys(fm)).toEqual(['name', 'description']);
    expect(fm.name).toBe('video-agent');
    expect(fm.name).toBe(VIDEO_AGENT_SKILL_NAME);
    expect(fm.name).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(fm.description!.length).toBeGreaterThan(40);
    expect(fm.description!.length).toBeLessThanOrEqual(1024);
    expect(fm.description).not.toMatch(/[\n:]/);
  });

  it('has unique, relative, markdown paths', () => {
    const paths = files.map((f) => f.path);
    expect(new Set(paths).size).toBe(paths.length);
    for (const p of paths) {
      expect(p).toMatch(/^(?:references\/)?[a-z0-9-]+\.md$/i);
      expect(p).not.toMatch(/\.\.|^\/|\\/);
    }
    expect(paths).toEqual(expect.arrayContaining(['references/structured-method.md', 'references/natural-flow.md', 'references/visual-styles.md', 'references/workflow.md']));
  });

  it('links only to files it has, and links to every reference', () => {
    const linked = [...skill.text.matchAll(/\]\(([^)]+)\)|`(references\/[^`]+)`/g)].map((m) => m[1] ?? m[2]!);
    expect(linked.length).toBeGreaterThan(0);
    for (const l of linked) expect(byPath.has(l), l).toBe(true);
    for (const f of files.slice(1)) expect(linked, f.path).toContain(f.path);
  });

  it('keeps sizes sane: SKILL.md short, each reference substantial but bounded', () => {
    expect(skill.text.length).toBeLessThan(6_000);
    for (const f of files.slice(1)) {
      expect(f.text.length, f.path).toBeGreaterThan(500);
      expect(f.text.length, f.path).toBeLessThan(40_000);
      expect(f.text.startsWith('# '), f.path).toBe(true);
    }
    expect(files.reduce((t, f) => t + f.text.length, 0)).toBeLessThan(120_000);
  });

  it('is built from the method blocks the prompt uses, and the 20 styles', () => {
    expect(byPath.get('references/natural-flow.md')).toContain(NATURAL_FLOW);
    for (const block of STRUCTURED_METHOD) expect(byPath.get('references/structured-method.md')).toContain(block);
    expect(byPath.get('references/workflow.md')).toContain(RENDER);
    for (const s of VISUAL_STYLES) expect(byPath.get('references/visual-styles.md')).toContain(`${s.number}. ${s.name} — after ${s.designer}`);
  });

  it('is pure: the same files on every call', () => {
    expect(videoAgentSkill()).toEqual(files);
  });
});
