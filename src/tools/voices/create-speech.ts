import { z } from 'zod';
import { downloadToDir, plainFileName } from '../../files/download.js';
import { defineTool } from '../define.js';
import { describeError, InputError } from '../../errors.js';
import { compact } from '../request-body.js';
import { heygenId, text } from '../fields.js';

const AUDIO_MAX_BYTES = 200 * 1024 * 1024;
const TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

export default defineTool({
  name: 'create_speech',
  title: 'Text to speech',
  description: 'Speak text or SSML with a starfish voice; returns audio_url (save: true also writes it, stdio). Spends HeyGen credits.',
  toolset: 'voices',
  kind: 'create',
  spendsCredits: true,
  hints: { idsFrom: 'list_voices with engine starfish' },
  input: () => ({
    text: text(5000),
    voice_id: heygenId(),
    input_type: z.enum(['text', 'plain_text', 'ssml']).optional().describe('default: ssml if text starts with <speak>'),
    speed: z.number().min(0.5).max(2).optional(),
    locale: z.string().max(35).regex(TAG, 'a BCP-47 tag such as en-US').optional().describe('e.g. en-US; or language'),
    language: z.string().max(35).regex(TAG, 'a language code such as en or pt').optional().describe('e.g. en'),
    save: z.boolean().optional(),
    filename: text(120).optional(),
  }),
  output: () => ({
    audio_url: z.string(),
    duration_seconds: z.number().optional(),
    word_timestamps: z.array(z.object({ word: z.string(), start: z.number(), end: z.number() })).optional(),
    saved_path: z.string().optional(),
  }),
  async handler(args, ctx) {
    // A locale implies its language, so HeyGen wants one of the two; a matching pair (en + en-US,
    // as HeyGen's skills pass them) is sent as the locale alone.
    const language = args.locale && args.language && args.locale.toLowerCase().split('-')[0] === args.language.toLowerCase() ? undefined : args.language;
    if (args.locale && language) throw new InputError('language', `'${language}' does not match locale '${args.locale}'; give one of them`);
    if (args.save && ctx.deps.transport !== 'stdio') throw new InputError('save', 'files can only be saved on a local (stdio) server; use audio_url instead');
    if (args.filename && !args.save) throw new InputError('filename', 'only applies with save: true');
    if (args.save) plainFileName(args.filename, 'speech', '.mp3'); // refuse a bad name before anything is spent
    const ssml = args.input_type === 'ssml' || (args.input_type === undefined && /^\s*<speak[\s>]/.test(args.text));
    const r = await ctx.heygen.voices.speech(compact({
      text: args.text, voice_id: args.voice_id, input_type: ssml ? 'ssml' as const : undefined,
      speed: args.speed, locale: args.locale, language,
    }), ctx.call);
    let saved: string | undefined;
    if (args.save) {
      const ext = /\.wav(\?|$)/i.test(r.audio_url) ? '.wav' : '.mp3';
      const name = plainFileName(args.filename, `speech-${r.request_id ?? Date.now()}`, ext);
      try {
        saved = (await downloadToDir(r.audio_url, ctx.deps.config.downloadDir, name, { dispatcher: ctx.deps.fileDispatcher, signal: ctx.signal, maxBytes: AUDIO_MAX_BYTES })).path;
      } catch (err) {
        // The speech exists and was paid for: report the save failure without failing the call.
        ctx.note(`The audio was generated but not saved (${describeError(err)}). Download it from audio_url instead.`);
      }
    }
    return { audio_url: r.audio_url, duration_seconds: r.duration, word_timestamps: r.word_timestamps, saved_path: saved };
  },
});
