import { z } from 'zod';
import { completable, type PromptCollector } from './define.js';

const GUIDE = `# Translating a video with HeyGen
Two paths lead to a dubbed, lip-synced video in another language.

## 1. Pick the languages
Call \`list_video_translation_languages\` (use \`query\` to narrow it, e.g. "Spanish") and use the names exactly as listed ("Spanish (Spain)", not "es"). Every target language is a separate job and is charged separately.

## 2. Provide the source
The source video goes in \`video\`: an https URL or the \`asset_id\` of an \`upload_asset\` upload. These endpoints take no base64. A local file must be uploaded first.

## 3a. Direct translation (fastest)
\`create_video_translation\` with all target languages in \`output_languages\`. It returns one \`video_translation_id\` per language. Useful options: \`mode: "precision"\` for higher quality, \`enable_caption\` for SRT/VTT captions, \`translate_audio_only\` to keep the original frames, \`speaker_num\` when several people talk, \`start_time\`/\`end_time\` for a part of the video.

## 3b. Proofread first (when wording matters)
1. \`create_translation_proofread\` (needs a \`title\`) returns one \`proofread_id\` per language.
2. \`wait_for_job\` with kind "proofread" until it is completed: the translated subtitles are ready.
3. \`get_proofread_subtitles\` with \`include_text: true\` to read them; show the user.
4. If the user wants changes: write the corrected SRT, upload it (\`upload_asset\`), then call \`update_proofread_subtitles\` with the new asset id as \`srt\`. This overwrites every earlier edit of that proofread.
5. \`generate_from_proofread\` renders the video and returns a \`video_translation_id\`.

## 4. Wait and download
\`wait_for_job\` with kind "video_translation" for each id (it returns within the client's time limit; call it again while the job runs). When completed, the result holds \`video_url\` (and \`audio_url\`, caption URLs). Download links expire: if one fails, call \`get_video_translation\` for a fresh one.

## Costs and safety
Translation, proofread creation and generation spend credits, once per language. Confirm the language list and the path with the user before submitting; \`dry_run: true\` shows the exact request without spending. If a create call fails ambiguously, check \`list_video_translations\` before retrying.`;

const COMMON = ['Spanish (Spain)', 'Spanish (Mexico)', 'French (France)', 'German (Germany)', 'Portuguese (Brazil)', 'Japanese', 'Korean', 'Hindi', 'Italian', 'Chinese (Mandarin, Simplified)'];

export function registerTranslateVideoWorkflow(server: PromptCollector): void {
  server.registerPrompt('translate_video_workflow', {
    title: 'Translate a video',
    description: 'Step-by-step workflow to translate and dub a video: choose languages, translate directly or proofread first, wait, download.',
    argsSchema: {
      video: z.string().describe('The source video: an https URL, an asset id, or a local path to upload first.'),
      languages: completable(z.string().describe('Target languages, comma separated (e.g. "Spanish (Spain), Japanese").'),
        (typed) => COMMON.filter((l) => l.toLowerCase().startsWith((typed ?? '').toLowerCase()))),
      proofread: completable(z.string().optional().describe('"yes" to review the translated subtitles before rendering.'), () => ['yes', 'no']),
      captions: completable(z.string().optional().describe('"yes" to also produce captions.'), () => ['yes', 'no']),
    },
  }, (args) => {
    const langs = args.languages.split(',').map((l) => l.trim()).filter(Boolean);
    const proofread = /^(y|yes|true|1)$/i.test(args.proofread?.trim() ?? '');
    const captions = /^(y|yes|true|1)$/i.test(args.captions?.trim() ?? '');
    const source = /^https:\/\//i.test(args.video) ? `video: ${args.video}`
      : /^[A-Za-z0-9_-]+$/.test(args.video) ? `video: ${args.video} (if this is not an asset id, ask the user)`
        : `${args.video} looks like a local file or a non-https link: upload it with upload_asset first and use the asset id.`;
    const task = [
      '## Your task',
      `Translate this video into ${langs.length} language(s): ${langs.join(', ')}.`,
      `- Source: ${source}`,
      '- Check every language name with list_video_translation_languages and correct it to the exact listed name.',
      proofread
        ? '- Path: proofread first (3b). Show the user the subtitles before calling generate_from_proofread.'
        : '- Path: direct translation (3a) with all languages in one create_video_translation call.',
      captions ? '- Captions: yes (enable_caption on a direct translation, captions on generate_from_proofread).' : undefined,
      `- Cost: ${langs.length} charged job(s). Tell the user and get a yes before submitting.`,
      '- Finish with the download link of each translated video, per language.',
    ].filter((l) => l !== undefined).join('\n');
    return {
      description: `Translate a video into ${langs.join(', ').slice(0, 80)}`,
      messages: [
        { role: 'user', content: { type: 'text', text: GUIDE } },
        { role: 'user', content: { type: 'text', text: task } },
      ],
    };
  });
}
