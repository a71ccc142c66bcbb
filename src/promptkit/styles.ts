/**
 * The 20 named visual styles of the Video Agent prompt method, as data. Names, designers, hex
 * values and fonts are facts of the method; every descriptive line is our own wording.
 */
export interface PaletteColour {
  name: string;
  hex?: string;
  role: string;
}

export type Energy = 'high' | 'medium' | 'low';

export interface VisualStyle {
  number: number;
  name: string;
  /** URI-safe key: `swiss-pulse`. */
  slug: string;
  designer: string;
  mood: string;
  bestFor: string[];
  palette: PaletteColour[];
  typography: string;
  motion: string;
  transitions: string;
  avoid: string;
  /** Which motion verbs suit it (high for slams, low for fades). */
  energy: Energy;
  /** Transition words that contradict the style's own rules (checked by E5). */
  clashes: string[];
}

const c = (name: string, role: string, hex?: string): PaletteColour => (hex ? { name, hex, role } : { name, role });

type Raw = Omit<VisualStyle, 'slug'>;

const RAW: Raw[] = [
  { number: 1, name: 'Soft Signal', designer: 'Stefan Sagmeister', mood: 'Intimate, warm', bestFor: ['Personal stories', 'wellness', 'reflections'],
    palette: [c('warm amber', 'base'), c('cream', 'base'), c('dusty rose', 'accent'), c('sage green', 'accent'), c('honey gold', 'accent')],
    typography: 'Lower-case lettering that looks handwritten: light, delicate, personal.',
    motion: 'Everything drifts and floats slowly; the camera stays close on hands, faces and surface textures, like a macro lens.',
    transitions: 'Soft dissolves washed with warm light leaks.',
    avoid: 'Snapping moves, hard cuts, anything abrupt.', energy: 'low', clashes: ['snap', 'smash cut', 'hard cut'] },
  { number: 2, name: 'Warm Grain', designer: 'Olle Eksell', mood: 'Organic, friendly', bestFor: ['Environmental', 'sustainability', 'community'],
    palette: [c('ochre', 'earth base'), c('forest green', 'earth base'), c('terracotta', 'earth accent'), c('cream', 'light neutral'), c('soft brown', 'dark neutral')],
    typography: 'Sans-serif with rounded letterforms.',
    motion: 'Rounded, organic shapes; 16mm-style grain with slightly muted colour; real materials such as wood, linen and stone; a calm pace.',
    transitions: 'Gentle wipes or soft cuts (soft dissolves fit too); never hurried.',
    avoid: 'Sharp angles and rushed cutting.', energy: 'low', clashes: ['smash cut', 'snap cut'] },
  { number: 3, name: 'Quiet Drama', designer: 'Satyajit Ray', mood: 'Humanist, contemplative', bestFor: ['Profiles', 'biographical', 'cultural'],
    palette: [c('sepia', 'muted warm base'), c('deep brown', 'shadow'), c('soft gold', 'highlight'), c('off-white', 'light neutral'), c('charcoal', 'dark neutral')],
    typography: 'A clean serif, placed with intent.',
    motion: 'Portraits lit by one strong source such as a window or a single lamp; a measured rhythm that lets shots hold.',
    transitions: 'Slow fades through black, or soft dissolves.',
    avoid: 'Quick cutting; flat lighting from many directions.', energy: 'low', clashes: ['smash cut', 'snap cut'] },
  { number: 4, name: 'Heritage Reel', designer: 'Cassandre', mood: 'Nostalgic, vintage', bestFor: ['History', 'retrospectives', 'brand origins'],
    palette: [c('faded gold', 'accent'), c('deep burgundy', 'primary'), c('navy', 'primary'), c('cream', 'light neutral'), c('sepia wash', 'overall tint')],
    typography: 'Centred, graceful serif titles in the spirit of old cinema title cards.',
    motion: 'Vignettes and softened edges, film grain, faint scratches and a slight wobble of the film gate.',
    transitions: 'Iris wipes and flickering film-reel changes.',
    avoid: 'Crisp, contemporary digital polish.', energy: 'medium', clashes: [] },
  { number: 5, name: 'Silk Route', designer: 'Reza Abedini', mood: 'Flowing, mysterious', bestFor: ['Global affairs', 'cross-cultural', 'art/design'],
    palette: [c('deep teal', 'jewel tone'), c('burgundy', 'jewel tone'), c('lapis blue', 'jewel tone'), c('gold', 'accent'), c('black', 'ground')],
    typography: 'Refined, widely spaced lettering that follows the contours of the picture.',
    motion: 'Depth in layers: foreground, middle ground and background all moving at once.',
    transitions: 'Flowing dissolves and smooth morphs.',
    avoid: 'Flat single-plane frames and abrupt cuts.', energy: 'medium', clashes: ['smash cut'] },
  { number: 6, name: 'Swiss Pulse', designer: 'Josef Müller-Brockmann', mood: 'Clinical, precise', bestFor: ['Data-heavy', 'analytical', 'financial', 'metrics'],
    palette: [c('black', 'background and base', '#1a1a1a'), c('white', 'type and base'), c('electric blue', 'the one accent', '#0066FF'), c('warm amber', 'optional, record figures only (as in the worked example)', '#FF9500')],
    typography: 'Helvetica Bold for headlines, Helvetica Regular for labels; figures set huge, around 80–120pt.',
    motion: 'Everything locks to a 12-column grid; counters climb from 0; diagonal compositions only on accent moments.',
    transitions: 'Grid wipes and hard cuts.',
    avoid: 'Dissolves of any kind; a second accent colour beyond the record highlight.', energy: 'medium', clashes: ['dissolve'] },
  { number: 7, name: 'Geometric Bold', designer: 'Ikko Tanaka', mood: 'Minimal, elegant', bestFor: ['Clean lifestyle', 'culture', 'visual essays', 'brand profiles'],
    palette: [c('flat colour blocks', 'at most three per frame; hues are your choice')],
    typography: 'Strong, clean type that is itself the main image.',
    motion: 'Asymmetric compositions with at least 60% empty space and a single focal point; no effects.',
    transitions: 'Clean cuts that land on the beat.',
    avoid: 'Gradients, more than three colours in a frame, effects, rival focal points.', energy: 'medium', clashes: [] },
  { number: 8, name: 'Velvet Standard', designer: 'Massimo Vignelli', mood: 'Premium, timeless', bestFor: ['Luxury', 'investor updates', 'keynotes', 'product showcases'],
    palette: [c('black', 'base'), c('white', 'base'), c('deep navy', 'single accent, option A', '#1a237e'), c('gold', 'single accent, option B', '#c9a84c')],
    typography: 'Thin all-caps sans-serif with wide letter-spacing.',
    motion: 'Centred, symmetrical, architectural frames with generous space; slow reveals one element at a time, numbers fading in.',
    transitions: 'Slow, graceful cross-dissolves.',
    avoid: 'Using both accents together; fast or busy movement.', energy: 'low', clashes: ['smash cut', 'snap cut', 'flash'] },
  { number: 9, name: 'Digital Grid', designer: 'Wim Crouwel', mood: 'Systematic, technical', bestFor: ['Infrastructure', 'engineering', 'code', 'tech'],
    palette: [c('dark', 'background', '#0a0a0a'), c('cyan', 'primary accent', '#00E5FF'), c('amber', 'secondary accent', '#FFB300'), c('green', 'third accent', '#00FF88')],
    typography: 'Monospace throughout, like a code terminal.',
    motion: 'A visible pixel grid that everything snaps to; grid nodes light up one after another; scan lines and a blinking cursor.',
    transitions: 'Clean wipes, grid wipes above all.',
    avoid: 'Proportional or ornamental type; loose organic shapes off the grid.', energy: 'medium', clashes: [] },
  { number: 10, name: 'Contact Sheet', designer: 'Alexey Brodovitch', mood: 'Editorial, investigative', bestFor: ['Journalism', 'deep dives', 'research breakdowns'],
    palette: [c('high-contrast black and white', 'base'), c('desaturated colour', 'occasional accent')],
    typography: 'Bold sans-serif captions that read like an editor’s margin notes.',
    motion: 'Several photographs at once, as on a contact sheet; raw grain, imperfect focus, tight crops on faces and hands.',
    transitions: 'Hard cuts on the beat, snap-zooms and snap cuts.',
    avoid: 'Glossy polish and saturated colour.', energy: 'medium', clashes: [] },
  { number: 11, name: 'Folk Frequency', designer: 'Eduardo Terrazas', mood: 'Cultural, vivid', bestFor: ['Cultural events', 'food', 'tradition', 'heritage'],
    palette: [c('hot pink', 'folk colour'), c('bright orange', 'folk colour'), c('cobalt blue', 'folk colour'), c('sun yellow', 'folk colour'), c('emerald', 'folk colour')],
    typography: 'Bold, warm, rounded lettering.',
    motion: 'Repeating patterns with a folk-art rhythm; handmade textures such as woven fabric, painted surfaces and ceramics.',
    transitions: 'Colourful wipes and quick cuts on a festive beat.',
    avoid: 'Muted colour and sterile digital surfaces.', energy: 'medium', clashes: [] },
  { number: 12, name: 'Earth Pulse', designer: 'Lemi Ghariokwu', mood: 'Grounded, communal', bestFor: ['Community', 'music/culture', 'grassroots'],
    palette: [c('burnt orange', 'warm saturated'), c('deep green', 'warm saturated'), c('rich yellow', 'warm saturated'), c('terracotta', 'warm saturated')],
    typography: 'Bold, expressive type centred in the frame.',
    motion: 'Wide shots that show people together; the edit follows the beat of the music.',
    transitions: 'Cuts on the beat, with freeze-frames for emphasis.',
    avoid: 'Cutting against the beat; nothing but tight, isolated framing.', energy: 'medium', clashes: [] },
  { number: 13, name: 'Dream State', designer: 'Henryk Tomaszewski', mood: 'Surreal, poetic', bestFor: ['Op-eds', 'philosophy', 'think pieces', 'speculative'],
    palette: [c('dusty blues', 'muted base'), c('grey-greens', 'muted base'), c('red', 'single surreal accent, or'), c('gold', 'single surreal accent')],
    typography: 'Very few words; thin, graceful type that seems to float.',
    motion: 'Unexpected pairings with a dreamlike feel; soft edges, atmospheric haze, slow movement.',
    transitions: 'Slow morphing (liquid) dissolves and nothing else.',
    avoid: 'Hard cuts of any kind; dense text.', energy: 'low', clashes: ['hard cut', 'smash cut', 'snap cut', 'flash'] },
  { number: 14, name: 'Play Mode', designer: 'Ahn Sang-soo', mood: 'Playful, irreverent', bestFor: ['Entertainment', 'pop culture', 'listicles', 'fun'],
    palette: [c('electric blue', 'candy'), c('hot pink', 'candy'), c('lime green', 'candy'), c('yellow', 'candy'), c('white', 'neutral')],
    typography: 'Huge, tilted, bouncing letters.',
    motion: 'Lopsided layouts; springy motion where text overshoots and settles; screen shakes; game-style UI such as score cards, achievement pop-ups and XP bars; quick 1–3 s beats inside a scene.',
    transitions: 'Pop cuts, whip pans and bounces.',
    avoid: 'Static symmetric layouts and slow dissolves.', energy: 'high', clashes: ['slow cross-dissolve', 'slow dissolve'] },
  { number: 15, name: 'Carnival Surge', designer: 'Rico Lins', mood: 'Euphoric, celebratory', bestFor: ['Big announcements', 'milestones', 'celebrations', 'hype'],
    palette: [c('hot pink', 'primary', '#FF1493'), c('electric yellow', 'primary', '#FFE000'), c('teal', 'primary', '#00CED1'), c('orange', 'supporting'), c('violet', 'supporting')],
    typography: 'Enormous bold words at angles over footage, overlapping like a collage.',
    motion: 'Rapid 1–2 s beats inside a scene, confetti and lights, energy that never lets up.',
    transitions: 'Smash cuts, flash frames and rapid montage.',
    avoid: 'Calm pacing and a restrained palette.', energy: 'high', clashes: ['slow cross-dissolve', 'slow dissolve'] },
  { number: 16, name: 'Shadow Cut', designer: 'Hans Hillmann', mood: 'Dark, cinematic', bestFor: ['Exposés', 'investigations', 'controversy', 'dark deep dives'],
    palette: [c('deep black', 'base'), c('cold grey', 'base'), c('stark white', 'highlight'), c('blood red', 'single accent, or'), c('toxic green', 'single accent')],
    typography: 'Sharp, angular letters like a film-noir title card.',
    motion: 'Deep shadow, faces and objects half lit or rising out of the dark; slow creeping push-ins and reveals that build tension.',
    transitions: 'Iris to black, slow fade up from darkness, hard cuts into silence.',
    avoid: 'Bright, even light and cheerful colour.', energy: 'medium', clashes: [] },
  { number: 17, name: 'Deconstructed', designer: 'Neville Brody', mood: 'Industrial, raw', bestFor: ['Tech news', 'security', 'punk energy', 'counter-culture'],
    palette: [c('dark grey', 'background', '#1a1a1a'), c('black', 'base'), c('rust orange', 'accent', '#D4501E'), c('raw white', 'type', '#f0f0f0')],
    typography: 'Heavy industrial type at angles, overlapping and bleeding off the frame.',
    motion: 'Hard contrast, gritty surfaces such as scratched metal and peeling paint, scan-line glitches; text SLAMS, SHATTERS and PUNCHES; letters scramble, then lock in.',
    transitions: 'Smash cuts, glitch transitions and white flash frames.',
    avoid: 'Clean, polished, centred layouts.', energy: 'high', clashes: ['slow cross-dissolve'] },
  { number: 18, name: 'Maximalist Type', designer: 'Paula Scher', mood: 'Loud, kinetic', bestFor: ['Big announcements', 'launches', 'high-energy recaps'],
    palette: [c('red', 'bold'), c('yellow', 'bold'), c('black', 'contrast'), c('white', 'contrast')],
    typography: 'Type is the image: overlapping layers in mixed sizes and angles covering 50–80% of the frame.',
    motion: 'Constant slamming and sliding, 1–2 s beats inside a scene; text always sits over footage.',
    transitions: 'Smash cuts, text slamming in from the edges, flash frames.',
    avoid: 'Bare backgrounds behind text; overuse (save it for special moments).', energy: 'high', clashes: ['slow cross-dissolve'] },
  { number: 19, name: 'Data Drift', designer: 'Refik Anadol', mood: 'Futuristic, immersive', bestFor: ['AI/tech', 'speculative', 'cutting-edge science'],
    palette: [c('holographic silver', 'iridescent base'), c('electric purple', 'accent', '#7c3aed'), c('cyan', 'accent', '#06b6d4'), c('deep black', 'background', '#0a0a0a')],
    typography: 'Thin, futuristic sans-serif that feels weightless.',
    motion: 'Fluid, morphing forms with wild jumps in scale from microscopic to cosmic; particles gather into numbers; light traces data paths.',
    transitions: 'Liquid dissolves; particles scatter and re-form.',
    avoid: 'Heavy type and hard cuts.', energy: 'low', clashes: ['hard cut', 'smash cut'] },
  { number: 20, name: 'Red Wire', designer: 'David Tartakover', mood: 'Urgent, immediate', bestFor: ['Breaking news', 'crisis updates', 'alerts'],
    palette: [c('red', 'alert'), c('black', 'alert'), c('white', 'alert'), c('emergency yellow', 'alert')],
    typography: 'Bold condensed all caps; every word feels urgent.',
    motion: 'Split screens, tickers and timestamps packing in information; many text elements at once; handheld energy.',
    transitions: 'Snap cuts and flash frames.',
    avoid: 'Breathing room: pauses, empty space, slow transitions.', energy: 'high', clashes: ['slow', 'cross-dissolve'] },
];

export const slugOf = (name: string): string =>
  name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

export const VISUAL_STYLES: readonly VisualStyle[] = RAW.map((s) => ({ ...s, slug: slugOf(s.name) }));

/** Finds a style by name or slug, ignoring case, accents and punctuation. */
export function findStyle(nameOrSlug: string): VisualStyle | undefined {
  const key = slugOf(nameOrSlug);
  return VISUAL_STYLES.find((s) => s.slug === key);
}

/** Completion: names (or slugs) starting with, then containing, what was typed. */
export function completeStyle(typed: string, as: 'name' | 'slug' = 'name'): string[] {
  const key = slugOf(typed);
  const pick = (s: VisualStyle) => (as === 'name' ? s.name : s.slug);
  const starts = VISUAL_STYLES.filter((s) => s.slug.startsWith(key)).map(pick);
  const contains = VISUAL_STYLES.filter((s) => !s.slug.startsWith(key) && s.slug.includes(key)).map(pick);
  return [...starts, ...contains];
}

const paletteText = (s: VisualStyle) => s.palette.map((p) => (p.hex ? `${p.name} ${p.hex}` : p.name)).join(', ');

/** The one paragraph to paste into a prompt's STYLE section: rules only, never sample scenes. */
export function styleRuleBlock(s: VisualStyle): string {
  return `STYLE — ${s.name.toUpperCase()} (${s.designer.split(' ').pop()}): Palette: ${paletteText(s)}. Type: ${s.typography} Motion: ${s.motion} Transitions: ${s.transitions} Avoid: ${s.avoid}`;
}

/** Full spec as markdown, for prompts and resources. */
export function styleSpecMarkdown(s: VisualStyle): string {
  return [
    `### ${s.number}. ${s.name} — after ${s.designer}`,
    `- Mood: ${s.mood} · energy: ${s.energy}`,
    `- Best for: ${s.bestFor.join(', ')}`,
    `- Palette: ${s.palette.map((p) => `${p.name}${p.hex ? ` ${p.hex}` : ''} (${p.role})`).join('; ')}`,
    `- Typography: ${s.typography}`,
    `- Motion: ${s.motion}`,
    `- Transitions: ${s.transitions}`,
    `- Avoid: ${s.avoid}`,
    '',
    'Paste into the STYLE section:',
    '',
    styleRuleBlock(s),
  ].join('\n');
}

/** JSON view used by the resources. */
export function styleJson(s: VisualStyle): Record<string, unknown> {
  return {
    number: s.number, name: s.name, slug: s.slug, designer: s.designer, mood: s.mood, best_for: s.bestFor,
    energy: s.energy, palette: s.palette, typography: s.typography, motion: s.motion,
    transitions: s.transitions, avoid: s.avoid, style_block: styleRuleBlock(s),
  };
}
