// Makes the built bin executable (tsc keeps the shebang but not the mode).
import { chmodSync, existsSync } from 'node:fs';

const bin = new URL('../dist/index.js', import.meta.url);
if (existsSync(bin)) chmodSync(bin, 0o755);
