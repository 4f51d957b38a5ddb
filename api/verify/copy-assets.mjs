// Copies the pinned ZXing UMD build (and its licence) into wwwroot so that /verify needs no CDN.
// Run by `npm run build` (and by the API's MSBuild target after `npm ci`).
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const library = join(here, 'node_modules', '@zxing', 'library');
const vendor = join(here, '..', 'wwwroot', 'verify', 'vendor');

const files = [
  ['umd/index.min.js', 'zxing.min.js'],
  ['LICENSE', 'zxing-LICENSE.txt'],
];

// The stamp is the MSBuild target's output: drop it first so that a failed copy is retried.
const stamp = join(vendor, '.stamp');
rmSync(stamp, { force: true });
mkdirSync(vendor, { recursive: true });

for (const [source, target] of files) {
  copyFileSync(join(library, source), join(vendor, target));
}

const { version } = JSON.parse(readFileSync(join(library, 'package.json'), 'utf8'));
writeFileSync(stamp, `${JSON.stringify({ '@zxing/library': version })}\n`);
console.log(`Verify page assets copied to ${vendor}: @zxing/library@${version}`);
