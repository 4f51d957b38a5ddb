// Copies the pinned UMD builds into wwwroot so that /graphiql needs no CDN.
// Run by `npm run build` (and by the API's MSBuild target after `npm ci`).
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const modules = join(here, 'node_modules');
const vendor = join(here, '..', 'wwwroot', 'graphiql', 'vendor');

const files = [
  ['react/umd/react.production.min.js', 'react.production.min.js'],
  ['react-dom/umd/react-dom.production.min.js', 'react-dom.production.min.js'],
  ['graphiql/graphiql.min.js', 'graphiql.min.js'],
  ['graphiql/graphiql.min.css', 'graphiql.min.css'],
];

// The stamp is the MSBuild target's output: drop it first so that a failed copy is retried.
const stamp = join(vendor, '.stamp');
rmSync(stamp, { force: true });
mkdirSync(vendor, { recursive: true });

const versions = {};
for (const [source, target] of files) {
  copyFileSync(join(modules, source), join(vendor, target));
  const pkg = source.split('/')[0];
  versions[pkg] ??= JSON.parse(readFileSync(join(modules, pkg, 'package.json'), 'utf8')).version;
}

writeFileSync(stamp, `${JSON.stringify(versions)}\n`);
console.log(`GraphiQL assets copied to ${vendor}: ${Object.entries(versions).map(([n, v]) => `${n}@${v}`).join(', ')}`);
