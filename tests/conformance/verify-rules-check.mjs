// Runs the /verify page's own verification code (api/wwwroot/verify/verify.js) on a set of cases, without a browser,
// so that its verdicts can be compared with the C# DocumentVerifier's on the very same inputs.
// Usage: node verify-rules-check.mjs <cases.json>
//   cases.json: { "keys": <the JSON of /.well-known/document-keys>, "cases": [{ "name", "text", "now": "<ISO 8601>" }] }
// Prints one JSON array: [{ "name", "verdict", "failure" }] (failure null unless INVALID). Exit 2 on usage problems.
import { readFileSync } from 'node:fs';
import { importPublishedKeys, verifyQrText } from '../../api/wwwroot/verify/verify.js';

const [file] = process.argv.slice(2);
if (!file) {
  console.error('usage: node verify-rules-check.mjs <cases.json>');
  process.exit(2);
}

const { keys, cases } = JSON.parse(readFileSync(file, 'utf8'));
const published = await importPublishedKeys(keys);
const results = [];
for (const { name, text, now } of cases) {
  const result = await verifyQrText(text, published, new Date(now));
  results.push({ name, verdict: result.verdict, failure: result.failure });
}
console.log(JSON.stringify(results));
