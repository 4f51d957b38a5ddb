// GraphQL over HTTP conformance: runs graphql-http's auditServer against a running endpoint.
// Usage: node audit.mjs <url> [--strict]
//   <url>     the GraphQL endpoint, e.g. http://127.0.0.1:5099/graphql
//   --strict  also fail on SHOULD/MAY audits (by default they are listed as warnings)
// Exit code: 0 when every MUST passes, 1 otherwise, 2 on a usage or connection problem.
import { auditServer } from 'graphql-http';

const args = process.argv.slice(2);
const strict = args.includes('--strict');
const url = args.find((arg) => !arg.startsWith('--'));
if (!url) {
  console.error('usage: node audit.mjs <url> [--strict]');
  process.exit(2);
}

let results;
try {
  results = await auditServer({ url });
} catch (error) {
  console.error(`audit could not run against ${url}: ${error?.message ?? error}`);
  process.exit(2);
}

const byStatus = (status) => results.filter((result) => result.status === status);
const passed = byStatus('ok');
const warnings = byStatus('warn');
const failures = byStatus('error');

async function describe(result) {
  let body = '';
  try {
    body = await result.response.text();
  } catch {
    // The body was already read by the failing assertion.
  }
  const status = result.response?.status ?? '?';
  return `  [${result.id}] ${result.name}\n      ${result.reason} (HTTP ${status})${body ? `\n      body: ${body.slice(0, 300)}` : ''}`;
}

console.log(`graphql-http audit of ${url}`);
if (warnings.length > 0) {
  console.log(`\nWarnings (SHOULD/MAY not met): ${warnings.length}`);
  for (const result of warnings) console.log(await describe(result));
}
if (failures.length > 0) {
  console.log(`\nFailures (MUST not met): ${failures.length}`);
  for (const result of failures) console.log(await describe(result));
}

const failed = failures.length + (strict ? warnings.length : 0);
console.log(`\n${passed.length} audits ok, ${warnings.length} warnings, ${failures.length} MUST failures`);
console.log(`audit: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
