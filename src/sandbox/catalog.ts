/** Deterministic catalogs: voices, avatar groups and looks, styles, templates, languages. */

export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function hashSeed(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

type Rand = () => number;
const pick = <T>(r: Rand, arr: readonly T[]): T => arr[Math.floor(r() * arr.length)] as T;
const hex = (r: Rand, n = 32): string => {
  let s = '';
  while (s.length < n) s += Math.floor(r() * 0x100000000).toString(16).padStart(8, '0');
  return s.slice(0, n);
};

export interface VoiceRec {
  voice_id: string;
  name: string;
  gender: 'male' | 'female';
  language: string;
  locale: string;
  type: 'public' | 'private';
  engines: string[];
  support_pause: boolean;
  support_locale: boolean;
  support_interactive_avatar: boolean;
  created_at: number;
  /** private clones only */
  owner?: string;
  clone?: { createdMs: number; name: string };
}

export interface LookRec {
  id: string;
  name: string;
  group_id: string;
  avatar_type: 'studio_avatar' | 'digital_twin' | 'photo_avatar';
  gender: 'male' | 'female';
  preferred_orientation: 'landscape' | 'portrait' | 'square';
  image_width: number;
  image_height: number;
  supported_api_engines: string[];
  tags: string[];
  default_voice_id: string;
  ownership: 'public' | 'private';
}

export interface GroupRec {
  id: string;
  name: string;
  gender: 'male' | 'female';
  default_voice_id: string;
  created_at: number;
  ownership: 'public' | 'private';
  kind: 'studio_avatar' | 'digital_twin' | 'photo_avatar';
  lookIds: string[];
}

export interface StyleRec { style_id: string; name: string; tags: string[]; aspect_ratio: string }

export interface TemplateVar { name: string; type: 'text' | 'image' | 'video' | 'audio' | 'voice' | 'avatar'; properties: Record<string, unknown> }
export interface TemplateRec {
  id: string;
  name: string;
  aspect_ratio: string;
  created_at: number;
  updated_at: number;
  scenes: { scene_id: string; script: string | null; variables: string[] }[];
  variables: Record<string, TemplateVar>;
}

/** Speech languages: name as HeyGen writes it, locales, relative size of the voice pool. */
export const LANGUAGES: readonly { name: string; locales: string[]; weight: number }[] = [
  { name: 'English', locales: ['en-US', 'en-GB', 'en-AU', 'en-IN', 'en-CA', 'en-IE', 'en-ZA'], weight: 14 },
  { name: 'Spanish', locales: ['es-ES', 'es-MX', 'es-AR', 'es-CO', 'es-US'], weight: 5 },
  { name: 'French', locales: ['fr-FR', 'fr-CA', 'fr-BE', 'fr-CH'], weight: 4 },
  { name: 'German', locales: ['de-DE', 'de-AT', 'de-CH'], weight: 4 },
  { name: 'Portuguese', locales: ['pt-BR', 'pt-PT'], weight: 3 },
  { name: 'Italian', locales: ['it-IT'], weight: 2 },
  { name: 'Chinese', locales: ['zh-CN', 'zh-TW', 'zh-HK'], weight: 3 },
  { name: 'Japanese', locales: ['ja-JP'], weight: 2 },
  { name: 'Korean', locales: ['ko-KR'], weight: 2 },
  { name: 'Hindi', locales: ['hi-IN'], weight: 2 },
  { name: 'Arabic', locales: ['ar-SA', 'ar-EG', 'ar-AE'], weight: 2 },
  { name: 'Dutch', locales: ['nl-NL', 'nl-BE'], weight: 1 },
  { name: 'Polish', locales: ['pl-PL'], weight: 1 },
  { name: 'Russian', locales: ['ru-RU'], weight: 1 },
  { name: 'Turkish', locales: ['tr-TR'], weight: 1 },
  { name: 'Swedish', locales: ['sv-SE'], weight: 1 },
  { name: 'Norwegian', locales: ['nb-NO'], weight: 1 },
  { name: 'Danish', locales: ['da-DK'], weight: 1 },
  { name: 'Finnish', locales: ['fi-FI'], weight: 1 },
  { name: 'Greek', locales: ['el-GR'], weight: 1 },
  { name: 'Czech', locales: ['cs-CZ'], weight: 1 },
  { name: 'Romanian', locales: ['ro-RO'], weight: 1 },
  { name: 'Hungarian', locales: ['hu-HU'], weight: 1 },
  { name: 'Ukrainian', locales: ['uk-UA'], weight: 1 },
  { name: 'Vietnamese', locales: ['vi-VN'], weight: 1 },
  { name: 'Thai', locales: ['th-TH'], weight: 1 },
  { name: 'Indonesian', locales: ['id-ID'], weight: 1 },
  { name: 'Malay', locales: ['ms-MY'], weight: 1 },
  { name: 'Filipino', locales: ['fil-PH'], weight: 1 },
  { name: 'Hebrew', locales: ['he-IL'], weight: 1 },
  { name: 'Bengali', locales: ['bn-IN', 'bn-BD'], weight: 1 },
  { name: 'Tamil', locales: ['ta-IN'], weight: 1 },
  { name: 'Urdu', locales: ['ur-PK'], weight: 1 },
  { name: 'Persian', locales: ['fa-IR'], weight: 1 },
  { name: 'Bulgarian', locales: ['bg-BG'], weight: 1 },
  { name: 'Croatian', locales: ['hr-HR'], weight: 1 },
  { name: 'Slovak', locales: ['sk-SK'], weight: 1 },
];

const FEMALE = ['Aria', 'Maya', 'Sofia', 'Elena', 'Chloe', 'Hana', 'Priya', 'Lucia', 'Nora', 'Ivy', 'Zara', 'Mia', 'Leila', 'Amara', 'Greta', 'Yuki', 'Ines', 'Olivia', 'Freya', 'Camille', 'Anika', 'Rosa', 'Sienna', 'Talia', 'Vera'];
const MALE = ['Leo', 'Marcus', 'Daniel', 'Kenji', 'Omar', 'Felix', 'Arjun', 'Mateo', 'Hugo', 'Ethan', 'Noah', 'Ravi', 'Lukas', 'Diego', 'Tomas', 'Ivan', 'Jonah', 'Kai', 'Malik', 'Oscar', 'Pierre', 'Sami', 'Theo', 'Viktor', 'Wes'];
const TONES = ['Warm', 'Friendly', 'Calm', 'Energetic', 'Professional', 'Narrator', 'Bright', 'Deep', 'Soft', 'Confident', 'Cheerful', 'Newscaster', 'Storyteller', 'Casual', 'Crisp'];
const SETTINGS = ['Office', 'Studio', 'Living Room', 'Outdoors', 'Library', 'Kitchen', 'Podcast', 'Classroom', 'Lobby', 'Cafe', 'Garden', 'Lab'];
const OUTFITS = ['Business', 'Casual', 'Blazer', 'Sweater', 'Suit', 'Hoodie', 'Shirt', 'Dress', 'Denim', 'Scrubs'];

export const VOICE_TARGET = 2160;
export const GROUP_COUNT = 130;

export class Catalog {
  readonly voices: VoiceRec[] = [];
  readonly voiceById = new Map<string, VoiceRec>();
  readonly groups: GroupRec[] = [];
  readonly looks: LookRec[] = [];
  readonly lookById = new Map<string, LookRec>();
  readonly groupById = new Map<string, GroupRec>();
  readonly styles: StyleRec[] = [];
  readonly templates: TemplateRec[] = [];
  readonly translationLanguages: string[] = TRANSLATION_LANGUAGES;

  constructor(seed = 20260301) {
    const r = prng(seed);
    const base = 1735689600; // 2025-01-01
    const totalWeight = LANGUAGES.reduce((s, l) => s + l.weight, 0);
    for (const lang of LANGUAGES) {
      const count = Math.max(24, Math.round((VOICE_TARGET * lang.weight) / totalWeight));
      for (let i = 0; i < count; i++) {
        const gender = r() < 0.5 ? 'female' : 'male';
        const locale = pick(r, lang.locales);
        const engines: string[] = [];
        if (r() < 0.65 || lang.name === 'English' && i < 40) engines.push('starfish');
        if (r() < 0.5) engines.push('elevenlabs');
        if (r() < 0.25) engines.push('fish');
        if (engines.length === 0) engines.push('elevenlabs');
        const v: VoiceRec = {
          voice_id: hex(r),
          name: `${pick(r, gender === 'female' ? FEMALE : MALE)} - ${pick(r, TONES)}`,
          gender,
          language: lang.name,
          locale,
          type: 'public',
          engines,
          support_pause: r() < 0.8,
          support_locale: lang.locales.length > 1,
          support_interactive_avatar: r() < 0.3,
          created_at: base + Math.floor(r() * 3e7),
        };
        this.voices.push(v);
        this.voiceById.set(v.voice_id, v);
      }
    }
    const englishStarfish = (g: 'male' | 'female') =>
      this.voices.filter((v) => v.language === 'English' && v.gender === g && v.engines.includes('starfish'));
    const defaultsF = englishStarfish('female');
    const defaultsM = englishStarfish('male');

    for (let g = 0; g < GROUP_COUNT; g++) {
      const gender = r() < 0.5 ? 'female' : 'male';
      const first = pick(r, gender === 'female' ? FEMALE : MALE);
      const group = this.makeGroup(r, `${first}`, gender, 'public', 'studio_avatar', pick(r, gender === 'female' ? defaultsF : defaultsM).voice_id, base + g * 86400);
      const nLooks = 2 + Math.floor(r() * 5); // 2..6
      for (let l = 0; l < nLooks; l++) this.addLook(r, group, `${first} ${pick(r, OUTFITS)} ${pick(r, SETTINGS)}`);
    }

    const tagPool = ['minimal', 'corporate', 'playful', 'cinematic', 'bold', 'documentary', 'social', 'retro', 'tech', 'education', 'news', 'luxury', 'handmade', 'neon', 'editorial', 'explainer'];
    const styleNames = ['Clean Slate', 'Boardroom', 'Paper Cut', 'Film Noir', 'Neon Pulse', 'Field Notes', 'Swipe Story', 'Vintage Reel', 'Circuit', 'Chalkboard', 'Breaking News', 'Gold Leaf', 'Sketchbook', 'Magazine', 'Whiteboard', 'Bauhaus', 'Pastel Pop', 'Blueprint', 'Cyber Grid', 'Watercolor', 'Kinetic Type', 'Studio Light', 'Collage', 'Isometric', 'Data Story', 'Sunset Gradient', 'Monochrome', 'Comic Panel', 'Glassmorphism', 'Organic', 'Launch Day', 'Cozy Lo-fi', 'Y2K Chrome', 'Museum'];
    styleNames.forEach((name, i) => {
      const tags = new Set<string>([tagPool[i % tagPool.length] as string]);
      while (tags.size < 3) tags.add(pick(r, tagPool));
      this.styles.push({ style_id: `style_${hex(r, 16)}`, name, tags: [...tags], aspect_ratio: i % 4 === 3 ? '9:16' : '16:9' });
    });

    const templateNames = ['Product Launch', 'Weekly Update', 'Onboarding Welcome', 'Sales Outreach', 'Event Invite', 'Course Intro', 'Feature Tour', 'Customer Story', 'Holiday Greeting', 'Job Opening', 'Real Estate Listing', 'App Promo Vertical', 'Quarterly Results', 'Safety Briefing'];
    templateNames.forEach((name, i) => {
      const id = hex(r);
      const look = this.looks[i * 7 % this.looks.length] as LookRec;
      const voice = this.voiceById.get(look.default_voice_id) as VoiceRec;
      const variables: Record<string, TemplateVar> = {
        headline: { name: 'headline', type: 'text', properties: { content: `${name} headline` } },
        body_text: { name: 'body_text', type: 'text', properties: { content: `Say hello to our ${name.toLowerCase()}.` } },
        logo: { name: 'logo', type: 'image', properties: { url: 'https://example.com/logo.png', asset_id: null, fit: 'contain' } },
        presenter: { name: 'presenter', type: 'avatar', properties: { avatar_id: look.id } },
        narrator_voice: { name: 'narrator_voice', type: 'voice', properties: { voice_id: voice.voice_id } },
      };
      if (i % 2 === 0) variables['b_roll'] = { name: 'b_roll', type: 'video', properties: { url: 'https://example.com/b-roll.mp4', asset_id: null, play_style: 'fit_to_scene', volume: 0 } };
      if (i % 3 !== 2) variables['music'] = { name: 'music', type: 'audio', properties: { url: 'https://example.com/music.mp3', asset_id: null, volume: 0.3 } };
      const names = Object.keys(variables);
      const scenes = [0, 1, 2].map((s) => ({
        scene_id: hex(r, 24),
        script: s === 1 ? `{{body_text}}` : s === 0 ? `{{headline}}` : null,
        variables: names.filter((_, k) => k % 3 === s || (s === 0 && k === 0)),
      }));
      this.templates.push({
        id, name, aspect_ratio: i === 11 ? '9:16' : '16:9',
        created_at: base + i * 604800, updated_at: base + i * 604800 + 3600,
        scenes, variables,
      });
    });
  }

  makeGroup(r: Rand, name: string, gender: 'male' | 'female', ownership: 'public' | 'private', kind: GroupRec['kind'], voiceId: string, createdAt: number): GroupRec {
    const group: GroupRec = { id: hex(r), name, gender, default_voice_id: voiceId, created_at: createdAt, ownership, kind, lookIds: [] };
    this.groups.push(group);
    this.groupById.set(group.id, group);
    return group;
  }

  addLook(r: Rand, group: GroupRec, name: string): LookRec {
    const orientation = pick(r, ['landscape', 'landscape', 'portrait', 'square'] as const);
    const [w, h] = orientation === 'landscape' ? [1920, 1080] : orientation === 'portrait' ? [1080, 1920] : [1080, 1080];
    const engines = group.kind === 'photo_avatar' ? ['avatar_iv', 'avatar_v'] : r() < 0.7 ? ['avatar_iii', 'avatar_iv', 'avatar_v'] : ['avatar_iii', 'avatar_iv'];
    const look: LookRec = {
      id: group.kind === 'photo_avatar' ? hex(r) : `${group.name}_${hex(r, 12)}`.replace(/\s+/g, '_'),
      name, group_id: group.id, avatar_type: group.kind, gender: group.gender,
      preferred_orientation: orientation, image_width: w, image_height: h,
      supported_api_engines: engines,
      tags: [pick(r, ['professional', 'casual', 'ugc', 'presenter', 'education', 'healthcare', 'finance', 'lifestyle'])],
      default_voice_id: group.default_voice_id, ownership: group.ownership,
    };
    this.looks.push(look);
    this.lookById.set(look.id, look);
    group.lookIds.push(look.id);
    return look;
  }
}

/** Private catalog items that a given API key owns from the start. */
export function seedPrivate(catalog: Catalog, key: string): { groups: GroupRec[]; looks: LookRec[]; voices: VoiceRec[] } {
  const r = prng(hashSeed(key));
  const groups: GroupRec[] = [];
  const looks: LookRec[] = [];
  const voices: VoiceRec[] = [];
  const english = catalog.voices.filter((v) => v.language === 'English' && v.engines.includes('starfish'));
  for (let i = 0; i < 3; i++) {
    const gender = i % 2 === 0 ? 'female' : 'male';
    const v: VoiceRec = {
      voice_id: hex(r), name: `My Voice ${i + 1}`, gender, language: 'English', locale: 'en-US', type: 'private',
      engines: ['starfish', 'elevenlabs'], support_pause: true, support_locale: false, support_interactive_avatar: false,
      created_at: 1767225600 + i * 86400, owner: key,
    };
    voices.push(v);
  }
  const specs: [string, GroupRec['kind'], 'male' | 'female'][] = [['My Twin', 'digital_twin', 'female'], ['Studio Me', 'digital_twin', 'male'], ['Headshot', 'photo_avatar', 'female'], ['Founder Photo', 'photo_avatar', 'male']];
  specs.forEach(([name, kind, gender], i) => {
    const voiceId = (voices[i % voices.length] ?? english[0])?.voice_id ?? '';
    const g: GroupRec = { id: hex(r), name, gender, default_voice_id: voiceId, created_at: 1767225600 + i * 3600, ownership: 'private', kind, lookIds: [] };
    groups.push(g);
    for (let l = 0; l < 2; l++) {
      const look = {
        id: hex(r), name: `${name} look ${l + 1}`, group_id: g.id, avatar_type: kind, gender,
        preferred_orientation: l === 0 ? 'landscape' : 'portrait', image_width: l === 0 ? 1920 : 1080, image_height: l === 0 ? 1080 : 1920,
        supported_api_engines: kind === 'photo_avatar' ? ['avatar_iv', 'avatar_v'] : ['avatar_iii', 'avatar_iv', 'avatar_v'],
        tags: ['custom'], default_voice_id: voiceId, ownership: 'private',
      } satisfies LookRec;
      looks.push(look);
      g.lookIds.push(look.id);
    }
  });
  return { groups, looks, voices };
}

const BASE_TRANSLATION = ['Afrikaans', 'Albanian', 'Amharic', 'Armenian', 'Azerbaijani', 'Basque', 'Belarusian', 'Bosnian', 'Bulgarian', 'Burmese', 'Catalan', 'Croatian', 'Czech', 'Danish', 'Estonian', 'Filipino', 'Finnish', 'Galician', 'Georgian', 'Greek', 'Gujarati', 'Hebrew', 'Hindi', 'Hungarian', 'Icelandic', 'Indonesian', 'Irish', 'Japanese', 'Javanese', 'Kannada', 'Kazakh', 'Khmer', 'Korean', 'Lao', 'Latvian', 'Lithuanian', 'Macedonian', 'Malay', 'Malayalam', 'Maltese', 'Marathi', 'Mongolian', 'Nepali', 'Norwegian', 'Pashto', 'Persian', 'Polish', 'Punjabi', 'Romanian', 'Russian', 'Serbian', 'Sinhala', 'Slovak', 'Slovenian', 'Somali', 'Swahili', 'Swedish', 'Tamil', 'Telugu', 'Thai', 'Turkish', 'Ukrainian', 'Urdu', 'Uzbek', 'Vietnamese', 'Welsh', 'Zulu'];
const REGIONAL = [
  'English', 'English (United States)', 'English (United Kingdom)', 'English (Australia)', 'English (India)', 'English (Canada)',
  'Spanish', 'Spanish (Spain)', 'Spanish (Mexico)', 'Spanish (Argentina)', 'Spanish (Colombia)',
  'French', 'French (France)', 'French (Canada)', 'French (Belgium)', 'French (Switzerland)',
  'German', 'German (Germany)', 'German (Austria)', 'German (Switzerland)',
  'Portuguese', 'Portuguese (Brazil)', 'Portuguese (Portugal)',
  'Italian', 'Dutch', 'Dutch (Netherlands)', 'Dutch (Belgium)',
  'Chinese', 'Chinese (Mandarin, Simplified)', 'Chinese (Taiwanese Mandarin, Traditional)', 'Chinese (Cantonese, Traditional)',
  'Arabic', 'Arabic (Saudi Arabia)', 'Arabic (Egypt)', 'Arabic (United Arab Emirates)',
  'Bengali', 'Bengali (India)', 'Bengali (Bangladesh)',
];
export const TRANSLATION_LANGUAGES: string[] = [...new Set([...REGIONAL, ...BASE_TRANSLATION])].sort((a, b) => a.localeCompare(b));

/** Webhook event types (names are API facts; descriptions are ours). */
export const EVENT_TYPES: readonly [string, string][] = [
  ['avatar_video.success', 'An avatar video finished rendering'],
  ['avatar_video.fail', 'An avatar video could not be rendered'],
  ['avatar_video_gif.success', 'The GIF preview of a video is ready'],
  ['avatar_video_gif.fail', 'The GIF preview of a video could not be made'],
  ['video_translate.success', 'A translated video is ready'],
  ['video_translate.fail', 'A video translation failed'],
  ['video_translate.preflight.validation_failed', 'A translation input did not pass validation'],
  ['video_translate.preflight.download_failed', 'A translation input could not be downloaded'],
  ['personalized_video', 'A personalized video changed state'],
  ['instant_avatar.success', 'An instant avatar is ready'],
  ['instant_avatar.fail', 'An instant avatar could not be created'],
  ['photo_avatar_generation.success', 'Photo avatar images were generated'],
  ['photo_avatar_generation.fail', 'Photo avatar image generation failed'],
  ['photo_avatar_train.success', 'A photo avatar finished training'],
  ['photo_avatar_train.fail', 'A photo avatar failed to train'],
  ['photo_avatar_add_motion.success', 'Motion was added to a photo avatar'],
  ['photo_avatar_add_motion.fail', 'Adding motion to a photo avatar failed'],
  ['proofread_creation.success', 'A proofread session is ready for review'],
  ['proofread_creation.fail', 'A proofread session could not be prepared'],
  ['live_avatar.success', 'A live avatar session ended normally'],
  ['live_avatar.fail', 'A live avatar session failed'],
  ['avatar_video_caption.success', 'Captions for a video are ready'],
  ['avatar_video_caption.fail', 'Captions for a video could not be made'],
  ['video_agent.success', 'A Video Agent session produced its video'],
  ['video_agent.fail', 'A Video Agent session failed'],
  ['hyperframes_video.success', 'A HyperFrames video is ready'],
  ['hyperframes_video.fail', 'A HyperFrames video failed'],
  ['ai_clipping.success', 'An AI clipping job finished'],
  ['ai_clipping.fail', 'An AI clipping job failed'],
  ['batch.finished', 'Every item of a batch reached a final state'],
];
