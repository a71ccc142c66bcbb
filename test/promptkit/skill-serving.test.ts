import { z } from 'zod';
import { afterEach, describe, expect, it } from 'vitest';
import { videoAgentSkill } from '../../src/promptkit/skill.js';
import { connect, ERAS, type Harness } from '../helpers/harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const SkillList = z.object({ skills: z.array(z.object({ uri: z.string(), frontmatter: z.object({ name: z.string(), description: z.string() }).loose() }).loose()) }).loose();

describe.each(ERAS)('the video-agent skill over the Skills extension (%s client)', (era) => {
  it('is listed by skills/list, announced as an extension, and its SKILL.md and references read back as the files we build', async () => {
    h = await connect({ era });
    const caps = h.client.getServerCapabilities() as { extensions?: Record<string, unknown> } | undefined;
    expect(caps?.extensions).toHaveProperty(['io.modelcontextprotocol/skills']);
    const list = await h.client.request({ method: 'skills/list', params: {} }, SkillList);
    expect(list.skills.map((s) => s.frontmatter.name)).toEqual(['video-agent']);
    const files = videoAgentSkill();
    const skillMd = await h.client.readResource({ uri: list.skills[0]!.uri });
    expect((skillMd.contents[0] as { text: string }).text).toBe(files[0]!.text);
    const ref = files[1]!;
    const read = await h.client.readResource({ uri: list.skills[0]!.uri.replace(/SKILL\.md$/, ref.path) });
    expect((read.contents[0] as { text: string }).text).toBe(ref.text);
    const templates = (await h.client.listResourceTemplates()).resourceTemplates.map((t) => t.uriTemplate);
    expect(templates.some((t) => t.startsWith('skill://'))).toBe(true);
  });

  it('a skill file that does not exist is a protocol error, not a crash', async () => {
    h = await connect({ era });
    await expect(h.client.readResource({ uri: 'skill://video-agent/references/nope.md' })).rejects.toThrow();
    expect((await h.call('get_account')).isError ?? false).toBe(false);
  });
});
