import { z } from 'zod';
import { completable, type PromptCollector } from './define.js';

const ASPECTS = ['16:9', '9:16', '1:1', '4:5', '5:4'] as const;
const ORIENTATION_TO_ASPECT: Record<string, string> = { landscape: '16:9', portrait: '9:16', square: '1:1' };

const GUIDE = `# Scripting a precise avatar video
Use this path when every word and every scene must be exactly as written (a Video Agent prompt leaves the agent room to rewrite). \`create_avatar_video\` renders one presenter speaking one script; \`create_studio_video\` chains scenes (avatar clips, still images, video clips) into one video.

## Script
- Budget about 150 words per minute of video at normal speed: 30 s ≈ 75 words, 60 s ≈ 150, 90 s ≈ 225.
- Sentences of 10–20 words; split anything near 30. Contractions sound natural ("we're", "it's").
- Write numbers the way they should be said ("twenty-four hours", "three point five million").
- Shape: hook in the first sentence, the point, evidence or steps, one clear call to action.
- One exclamation mark per script is plenty; punctuation steers delivery (commas breathe, full stops land, question marks lift).

## Pauses and pacing
Insert \`<break time="1s"/>\` with a space on both sides, the time in seconds with an "s". Rough guide: 0.5 s between list items or before a key word, 1 s after a greeting or a question, 1–1.5 s between sections, up to 2 s for a dramatic beat. Adjacent breaks add up. For speed, \`voice_settings.speed\` slows or quickens the whole read; keep it near 1.0.

## Voice
- Find voices with \`list_voices\` (filter language and gender) or describe one with \`design_voice\`; preview before committing.
- Match the voice to the presenter's apparent age and gender, and its language (and locale) to the script.
- Omitting \`voice_id\` with an \`avatar_id\` uses the avatar's default voice.
- For audio made elsewhere, pass \`audio\` (an https URL, or the asset id \`upload_asset\` returns) instead of a script; script and audio are mutually exclusive, and a \`voice_id\` only goes with a script.

## Captions
Set \`captions: "srt"\` for a subtitle file next to the finished video, or \`captions: "burned_in"\` to draw them into the picture as well. Social video is often watched muted, so caption anything vertical.

## Backgrounds
\`background\` is one string: a solid colour (\`"#0B1F3A"\`), an https image URL, or the asset id of an uploaded image. \`remove_background\` needs an avatar trained with matting; \`output_format: "webm"\` returns a transparent video for compositing.

## Aspect ratio and resolution
\`aspect_ratio\`: 16:9 (YouTube, web, slides), 9:16 (Reels, Shorts, TikTok), 1:1 (feeds), 4:5 and 5:4, or \`auto\` to follow the source (what \`create_avatar_video\` sends when you leave it out). \`create_studio_video\` sends none unless told, and HeyGen then renders 16:9 even for portrait avatars, so set it there. \`resolution\`: 720p, 1080p or 4k. Pick a look whose orientation matches the frame (\`list_avatar_looks\`).

## Multi-scene videos
With \`create_studio_video\`, give each scene one idea: an \`avatar\` scene with its own script and optional \`background_color\`, a \`photo\` scene (a talking photo), an \`image\` scene (a still: silent with a \`duration\`, or narrated), or a \`video\` clip; the file of a photo, image or video scene goes in \`source\` (https URL, asset id or data: URI). Keep a scene's words within its time budget.`;

export function registerAvatarVideoScript(server: PromptCollector): void {
  server.registerPrompt('avatar_video_script', {
    title: 'Script a precise avatar video',
    description: 'Guides writing an exact avatar-video script (pacing, pauses, voice, captions, background, aspect ratio) for create_avatar_video or create_studio_video.',
    argsSchema: {
      brief: z.string().describe('What the presenter should say and why.'),
      duration_seconds: z.string().optional().describe('Target length in seconds.'),
      tone: z.string().optional().describe('Delivery, e.g. "warm and upbeat".'),
      audience: z.string().optional().describe('Who will watch it.'),
      language: z.string().optional().describe('Language of the script.'),
      orientation: completable(z.string().optional().describe('landscape, portrait, square, or an aspect ratio such as 9:16.'),
        (typed) => [...Object.keys(ORIENTATION_TO_ASPECT), ...ASPECTS].filter((v) => v.startsWith((typed ?? '').toLowerCase()))),
      avatar_id: z.string().optional().describe('Avatar look id, if already chosen.'),
      voice_id: z.string().optional().describe('Voice id, if already chosen.'),
    },
  }, (args) => {
    const seconds = args.duration_seconds && /^\d+$/.test(args.duration_seconds.trim()) ? Number(args.duration_seconds) : undefined;
    const aspect = args.orientation ? ORIENTATION_TO_ASPECT[args.orientation.toLowerCase()] ?? args.orientation : undefined;
    const task = [
      '## Your task',
      `Write the script and the request for this brief:\n\n${args.brief}`,
      '',
      seconds !== undefined ? `- Length: ${seconds} s, so about ${Math.round((seconds / 60) * 150)} words.` : undefined,
      args.tone ? `- Tone: ${args.tone}` : undefined,
      args.audience ? `- Audience: ${args.audience}` : undefined,
      args.language ? `- Language: ${args.language} (choose a voice that speaks it)` : undefined,
      aspect ? `- Aspect ratio: ${aspect}` : undefined,
      args.avatar_id ? `- avatar_id: ${args.avatar_id}` : '- No avatar yet: find one with list_avatar_groups / list_avatar_looks.',
      args.voice_id ? `- voice_id: ${args.voice_id}` : '- No voice yet: find one with list_voices or design_voice.',
      '',
      '## Next steps',
      '1. Show the user the script with its word count and estimated length.',
      '2. Call `create_avatar_video` (one scene) or `create_studio_video` (several scenes); both spend credits, so confirm first (dry_run shows the exact request).',
      '3. Call `wait_for_job` with kind "video" until it completes, then `download_video`.',
    ].filter((l) => l !== undefined).join('\n');
    return {
      description: `Avatar video script for: ${args.brief.slice(0, 80)}`,
      messages: [
        { role: 'user', content: { type: 'text', text: GUIDE } },
        { role: 'user', content: { type: 'text', text: task } },
      ],
    };
  });
}
