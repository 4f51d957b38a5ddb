// The registry of trusted documents (persisted operations): operations/*.graphql at the repository root.
//   node operations.mjs            check: every operation validates against schema.graphql and
//                                  operations/manifest.json is what --write would produce; exit 1 otherwise
//   node operations.mjs --write    (re)generate operations/manifest.json
// One named operation per file, named like the file. The manifest maps the SHA-256 (hex) of each
// document, as stored in the manifest, to its name and document: clients send that hash, the API
// (api/TrustedDocuments) runs the stored document.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kind, buildSchema, parse, validate } from 'graphql';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const folder = join(root, 'operations');
const manifestPath = join(folder, 'manifest.json');
const write = process.argv.includes('--write');

const schema = buildSchema(readFileSync(join(root, 'schema.graphql'), 'utf8'));

// The hash covers the document exactly as the manifest stores it: line ends as LF, no surrounding blank space.
function documentOf(text) {
  return text.replace(/\r\n?/g, '\n').trim();
}

let passed = 0;
let failed = 0;
const fail = (message) => { failed++; console.log(`FAILED ${message}`); };

const entries = [];
const names = new Set();
for (const file of readdirSync(folder).filter((f) => f.endsWith('.graphql')).sort()) {
  const name = basename(file, '.graphql');
  const document = documentOf(readFileSync(join(folder, file), 'utf8'));
  let ast;
  try {
    ast = parse(document);
  } catch (error) {
    fail(`${file}: ${error.message}`);
    continue;
  }

  const operations = ast.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (operations.length !== 1 || operations[0].name?.value !== name) {
    fail(`${file}: must hold exactly one operation, named ${name} like its file`);
    continue;
  }

  if (names.has(name)) {
    fail(`${file}: the operation name ${name} is taken`);
    continue;
  }

  const errors = validate(schema, ast);
  if (errors.length > 0) {
    fail(`${file}: ${errors.map((e) => e.message).join('; ')}`);
    continue;
  }

  names.add(name);
  passed++;
  entries.push({ hash: createHash('sha256').update(document, 'utf8').digest('hex'), name, document });
}

entries.sort((a, b) => a.name.localeCompare(b.name, 'en'));
const manifest = {};
for (const { hash, name, document } of entries) {
  manifest[hash] = { name, document };
}

const text = JSON.stringify(manifest, null, 2) + '\n';
if (write) {
  if (failed === 0) {
    writeFileSync(manifestPath, text);
    console.log(`wrote operations/manifest.json (${entries.length} operations)`);
  } else {
    console.log('operations/manifest.json not written: fix the operations above first');
  }
} else if (!existsSync(manifestPath) || readFileSync(manifestPath, 'utf8') !== text) {
  fail('operations/manifest.json is out of date: run `node tests/conformance/operations.mjs --write` and commit it');
} else {
  passed++;
  console.log(`ok     operations/manifest.json is up to date (${entries.length} operations)`);
}

console.log(`OPERATIONS: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
