/**
 * Word lists the rules match against: motion verbs (with their inflections), set props, generic
 * avatar phrases, looks words and layout language. Kept apart from the rules so each list can grow
 * without touching the checks.
 */

/** Base forms of verbs that make something move on screen. */
const MOTION_VERBS = [
  'slam', 'crash', 'punch', 'stamp', 'shatter', 'cascade', 'slide', 'drop', 'fill', 'draw', 'fade', 'float', 'morph',
  'pulse', 'scroll', 'glow', 'ripple', 'converge', 'sweep', 'drift', 'rotate', 'spin', 'zoom', 'flicker', 'blink',
  'bounce', 'pop', 'grow', 'rise', 'flash', 'sparkle', 'swirl', 'orbit', 'wipe', 'reveal', 'animate', 'move', 'flow',
  'shimmer', 'wave', 'expand', 'shrink', 'burst', 'snap', 'tick', 'spread', 'unfold', 'flip', 'soften', 'dissolve',
  'shake', 'jitter', 'scramble', 'travel', 'march', 'stream', 'pan', 'glide', 'emerge', 'appear', 'breathe', 'twinkle',
  'trace', 'land', 'stagger', 'roll', 'bloom', 'glitch', 'climb', 'lock', 'sway', 'tilt',
  'push', 'pull', 'swing', 'rock', 'wobble', 'hover', 'bob', 'lift', 'sink', 'fall', 'dip', 'plunge', 'tumble',
  'stretch', 'squash', 'unroll', 'unfurl', 'peel', 'tear', 'crack', 'explode', 'swell', 'flutter', 'sail', 'race',
  'dash', 'zip', 'whoosh', 'fly', 'soar', 'shoot', 'launch', 'chase', 'highlight', 'underline', 'circle', 'strike',
  'count', 'strobe', 'crawl', 'creep', 'slip', 'vanish', 'disappear', 'uncover', 'enter', 'exit', 'arrive', 'settle',
  'click', 'spring', 'jump', 'hop', 'leap', 'quiver', 'vibrate', 'distort', 'warp', 'bend', 'transform', 'shift',
  'evolve', 'widen', 'narrow', 'brighten', 'blur', 'sharpen', 'alternate', 'assemble', 'fold', 'split', 'merge',
  'connect', 'ignite', 'melt', 'pour', 'splash', 'drip', 'drain', 'swap', 'twist', 'dance', 'throb', 'surge',
  'gather', 'scatter', 'blossom', 'shine', 'illuminate', 'radiate', 'dolly', 'crossfade', 'smash', 'kick', 'wiggle',
  'jiggle', 'shuffle', 'flick', 'tap', 'nudge',
];

/** Words that are also common nouns or adjectives ("warm light"): they count only when inflected ("warming"). */
const INFLECTED_ONLY = ['warm', 'cool', 'dim', 'light', 'open', 'close', 'scale', 'type', 'count', 'turn', 'build',
  'focus', 'load', 'charge', 'cycle', 'loop', 'stack', 'link', 'write', 'track', 'pan', 'beat', 'hit'];

function inflectedOnly(verb: string): string {
  if (verb.endsWith('e')) return `${verb.slice(0, -1)}(?:es|ed|ing)`;
  const doubles = verb.length <= 4 && !VOWELS.includes(verb.at(-1)!) && VOWELS.includes(verb.at(-2)!);
  return `${verb}${doubles ? `${verb.at(-1)}?` : ''}(?:s|ed|ing)`;
}

const VOWELS = 'aeiou';

/** One regex alternative for a verb and its inflections: fade → fade|fades|faded|fading. */
function inflections(verb: string): string {
  if (verb.endsWith('e')) return `${verb.slice(0, -1)}(?:e|es|ed|ing)`;
  if (verb.endsWith('y') && !VOWELS.includes(verb.at(-2)!)) return `${verb.slice(0, -1)}(?:y|ies|ied|ying)`;
  const last = verb.at(-1)!;
  // Short verbs ending consonant-vowel-consonant double the last letter: drop → dropping.
  const doubles = verb.length <= 5 && !VOWELS.includes(last) && !'wxy'.includes(last)
    && VOWELS.includes(verb.at(-2)!) && !VOWELS.includes(verb.at(-3) ?? 'a');
  return `${verb}${doubles ? `${last}?` : ''}(?:s|es|ed|ing)?`;
}

/** A layer moves when it names one of these, in any inflection, or a motion phrase. */
export const MOTION = new RegExp(
  `\\b(?:${[...new Set(MOTION_VERBS)].map(inflections).join('|')}|${INFLECTED_ONLY.map(inflectedOnly).join('|')})\\b|\\b(?:types? on|counts? (?:up|down)|in from|comes? in|motion|kinetic|parallax|time-?lapse|ken burns)\\b`,
  'i',
);

/** Objects that can dress a set: the head nouns of props. */
const PROP_NOUNS = [
  'monitor', 'screen', 'display', 'laptop', 'desk', 'logo', 'chart', 'dashboard', 'whiteboard', 'lamp', 'plant', 'mug',
  'coffee', 'note', 'notebook', 'book', 'bookshelf', 'bookcase', 'poster', 'lantern', 'window', 'keyboard', 'headphone',
  'microphone', 'mic', 'camera', 'phone', 'tablet', 'server', 'rack', 'cable', 'banner', 'flag', 'trophy', 'award',
  'frame', 'print', 'map', 'shelf', 'product', 'box', 'prototype', 'sample', 'sticker', 'candle', 'teapot', 'cup',
  'glass', 'bottle', 'vase', 'flower', 'rug', 'sofa', 'chair', 'couch', 'bed', 'pillow', 'blanket', 'guitar', 'vinyl',
  'record', 'turntable', 'easel', 'canvas', 'painting', 'sculpture', 'clock', 'globe', 'tool', 'helmet', 'badge',
  'lanyard', 'paper', 'newspaper', 'magazine', 'folder', 'binder', 'file', 'terminal', 'sign', 'mural', 'board',
  'post-it', 'figurine', 'model', 'drone', 'robot', 'tripod', 'earpiece', 'skyline', 'kettle', 'jar', 'bowl', 'plate',
  'tray', 'basket', 'crate', 'barrel', 'bench', 'workbench', 'table', 'counter', 'stool', 'apron', 'knife', 'pan',
  'pot', 'oven', 'stove', 'spoon', 'whisk', 'bread', 'loaf', 'cake', 'fruit', 'vegetable', 'herb', 'seed', 'packet',
  'trowel', 'spade', 'shovel', 'watering can', 'hose', 'wheelbarrow', 'crop', 'tractor', 'bike', 'bicycle', 'wheel',
  'tyre', 'tire', 'battery', 'charger', 'lever', 'wrench', 'spanner', 'hammer', 'drill', 'clipboard', 'calculator',
  'ledger', 'receipt', 'coin', 'banknote', 'wallet', 'card', 'stethoscope', 'syringe', 'microscope', 'beaker', 'flask',
  'test tube', 'petri dish', 'skeleton', 'x-ray', 'scan', 'ball', 'racket', 'bat', 'glove', 'net', 'goal', 'jersey',
  'medal', 'stopwatch', 'whistle', 'scoreboard', 'dumbbell', 'kettlebell', 'mat', 'yoga mat', 'piano', 'drum',
  'violin', 'amp', 'amplifier', 'speaker', 'mixer', 'console', 'controller', 'joystick', 'headset', 'projector',
  'printer', 'router', 'chip', 'circuit board', 'soldering iron', 'blueprint', 'sketch', 'mood board', 'swatch',
  'fabric', 'mannequin', 'sewing machine', 'thread', 'spool', 'brush', 'palette', 'pencil', 'pen', 'marker', 'chalk',
  'chalkboard', 'blackboard', 'textbook', 'scroll', 'parchment', 'quill', 'typewriter', 'radio', 'television', 'tv',
  'suitcase', 'passport', 'ticket', 'compass', 'binoculars', 'telescope', 'tent', 'backpack', 'rope', 'lantern',
  'firework', 'confetti', 'balloon', 'garland', 'ribbon', 'gift', 'present', 'wreath', 'ornament', 'statue', 'shrine',
  'incense', 'teacup', 'saucer', 'wine', 'cocktail', 'menu', 'chopsticks', 'dumpling', 'noodle', 'rice', 'spice',
  'terrarium', 'aquarium', 'fern', 'cactus', 'succulent', 'bouquet', 'petal', 'leaf', 'branch', 'log', 'fireplace',
  'hearth', 'chandelier', 'pendant', 'neon', 'shipping container', 'forklift', 'pallet', 'conveyor', 'gauge',
  'valve', 'pipe', 'turbine', 'solar panel', 'panel', 'meter', 'sensor', 'display case', 'trophy case', 'sample case',
  'ticker', 'storyboard', 'sticky note', 'post-its', 'sticky', 'cushion', 'curtain', 'blind', 'shutter', 'photograph',
  'photo', 'portrait', 'diploma', 'certificate', 'calendar', 'planner', 'envelope', 'parcel', 'package', 'bag', 'tote',
  'mirror', 'hanger', 'rail', 'shoe', 'sneaker', 'boot', 'scarf', 'hat', 'umbrella',
];

function nounAlternative(n: string): string {
  if (n.endsWith('y') && !VOWELS.includes(n.at(-2)!)) return `${n.slice(0, -1)}(?:y|ies)`;
  if (/(?:s|x|ch|sh)$/.test(n)) return `${n}(?:es)?`;
  if (n.endsWith('f')) return `${n.slice(0, -1)}(?:f|ves)`;
  return `${n}s?`;
}

const PROP_RE = new RegExp(`\\b(${[...new Set(PROP_NOUNS)].sort((a, b) => b.length - a.length).map(nounAlternative).join('|')})\\b`, 'gi');

/** Singular key for a matched prop noun, so "boxes" and "box" count once. */
function singular(word: string): string {
  const w = word.toLowerCase();
  if (/ies$/.test(w)) return `${w.slice(0, -3)}y`;
  if (/ves$/.test(w)) return `${w.slice(0, -3)}f`;
  if (/(?:ses|xes|ches|shes)$/.test(w)) return w.slice(0, -2);
  return w.replace(/s$/, '');
}

/** Words that head a clothing, body, light or mood phrase rather than a prop. */
const NOT_PROPS = /^(?:shirt|blouse|jacket|coat|blazer|hoodie|sweater|jumper|cardigan|dress|skirt|trousers|pants|jeans|suit|tie|vest|sleeve|collar|cuff|button|hair|eye|ear|shoulder|hand|arm|smile|face|beard|glasses|earring|ring|necklace|watch|light|glow|shadow|mood|feel|tone|wall|floor|ceiling|room|hall|space|corner|background|colour|color|shade|hue)s?$/i;

/**
 * Distinct props an AVATAR names: known prop nouns, plus the head noun of each quantified
 * phrase ("three seed packets", "a jar of honey") even when the noun is not in the list.
 */
export function propsIn(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(PROP_RE)) found.add(singular(m[1]!));
  const quantified = /\b(?:two|three|four|five|six|seven|eight|nine|ten|\d+|several|a few|a pair of|a stack of|a row of|a pile of|a jar of|a bowl of|a tray of|a rack of|a crate of|a basket of)\s+((?:[a-z-]+\s+){0,2})([a-z-]{3,})(?=\s*(?:[,.;:)]|\band\b|\bwith\b|\bon\b|\bin\b|\bfrom\b|$))/gim;
  for (const m of text.matchAll(quantified)) {
    const head = m[2]!;
    if (!NOT_PROPS.test(head) && !/^(?:of|and|with|in|on|at|the|a|an)$/i.test(head)) found.add(singular(head));
  }
  return [...found];
}

/** Vague wording in place of a concrete wardrobe, set, screens or light (D6). */
export const GENERIC = /\b(business[- ]casual|smart[- ]casual|business attire|professional (?:attire|outfit|clothing|clothes|look|appearance|setting|background|lighting)|corporate (?:attire|outfit|look|setting|background)|office (?:attire|wear|setting|background|environment)|(?:an|a generic|a typical|a modern|a standard|a corporate|a nice) office|generic (?:office|background|setting|studio|presenter|avatar)|well[- ]lit|nicely lit|good lighting|nice lighting|bright lighting|proper lighting|computer (?:screens|monitors)|some (?:screens|monitors|props)|(?:a|some) (?:desk|table) with (?:stuff|things|items)|neutral background|plain background|a presenter|stock (?:presenter|avatar|headshot)|dressed (?:professionally|nicely|smartly|appropriately)|looks? professional)\b/i;

/** Words that describe what a person looks like or wears (D7, with an avatar_id set). */
export const LOOKS = /\b(hair|haired|blonde?|brunette|redhead|bald|beard(?:ed)?|moustache|mustache|eyes|skin|freckles|tattoo\w*|wearing|wears|dressed|outfit|shirt|blouse|jacket|coat|blazer|hoodie|sweater|jumper|cardigan|skirt|trousers|jeans|turtleneck|scarf|glasses|earrings?|necklace|lipstick|makeup|(?:\d{2}|twenty|thirty|forty|fifty|sixty)[- ]?(?:something|year[- ]old)|elderly|middle[- ]aged)\b/i;

/**
 * Screen-layout language (X1): slot labels, corner positions, coordinates, pixel sizes. Relative
 * split percentages and "fills 40% of the frame" are method language and stay allowed.
 */
export const LAYOUT = new RegExp([
  String.raw`\b(?:UPPER|LOWER|TOP|BOTTOM|CENTER|CENTRE|MIDDLE)[- ](?:LEFT|RIGHT|SCREEN|CENTER|CENTRE)\s*:`,
  String.raw`\b(?:upper|lower|top|bottom)[- ]?(?:left|right)(?:[- ]hand)?\s+corner\b`,
  String.raw`\(\s*\d+\s*,\s*\d+\s*\)`,
  String.raw`\b[xy]\s*[=:]\s*-?\d+`,
  String.raw`\b\d+\s*px\b`,
  String.raw`\bcoordinates?\b`,
  String.raw`\b(?:row|column|col)\s*\d+\s*,\s*(?:row|column|col)\s*\d+`,
  String.raw`\bgrid (?:cell|position|slot)\b`,
].join('|'), 'i');

/** Nouns that name the person on camera; pronouns are left out, since scripts are full of them. */
const PRESENTER = /\b(presenter|avatar|host|narrator|speaker|anchor|spokesperson|woman|man|person)\b/i;

/** The sentences of a prose prompt that talk about the presenter (natural mode has no AVATAR section). */
export function presenterSentences(raw: string): string {
  return raw.slice(0, 50_000).split(/(?<=[.!?\n])\s+/).filter((s) => PRESENTER.test(s)).join(' ');
}
