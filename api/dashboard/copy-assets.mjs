// Copies the pinned Chart.js UMD build (self-contained: its colour helper is bundled in) and its licence into wwwroot,
// so that /dashboard needs no CDN. Run by `npm run build` (and by the API's MSBuild target after `npm ci`).
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const library = join(here, 'node_modules', 'chart.js');
const vendor = join(here, '..', 'wwwroot', 'dashboard', 'vendor');

const files = [
  ['dist/chart.umd.min.js', 'chart.umd.min.js'],
  ['LICENSE.md', 'chart.js-LICENSE.md'],
];

// The stamp is the MSBuild target's output: drop it first so that a failed copy is retried.
const stamp = join(vendor, '.stamp');
rmSync(stamp, { force: true });
mkdirSync(vendor, { recursive: true });

for (const [source, target] of files) {
  copyFileSync(join(library, source), join(vendor, target));
}

const { version } = JSON.parse(readFileSync(join(library, 'package.json'), 'utf8'));
writeFileSync(stamp, `${JSON.stringify({ 'chart.js': version })}\n`);
console.log(`Dashboard page assets copied to ${vendor}: chart.js@${version}`);
