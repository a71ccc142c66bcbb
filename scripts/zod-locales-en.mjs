// Stands in for zod's locale index in the bundled bin (see scripts/bundle-bin.mjs): English only.
export { default as en } from 'zod/v4/locales/en.js';
