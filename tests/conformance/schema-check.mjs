// Breaking-change gate for the public GraphQL contract.
//   node schema-check.mjs <current schema.graphql> <released schema> <changelog file>
// Every breaking change between the released schema and the current one must be listed, word for
// word, in the changelog; a field may only be removed if the released schema had deprecated it.
import { readFileSync } from 'node:fs';
import { buildSchema, findBreakingChanges, findDangerousChanges, isObjectType, isInterfaceType, isInputObjectType } from 'graphql';

const [currentPath, releasedPath, changelogPath] = process.argv.slice(2);
if (!currentPath || !releasedPath || !changelogPath) {
  console.error('usage: node schema-check.mjs <schema.graphql> <released.graphql> <CHANGELOG.md>');
  process.exit(2);
}

const current = buildSchema(readFileSync(currentPath, 'utf8'));
const released = buildSchema(readFileSync(releasedPath, 'utf8'));
const changelog = readFileSync(changelogPath, 'utf8');

function wasDeprecated(description) {
  const match = /^([A-Za-z_][A-Za-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_]*) was removed\.$/.exec(description);
  if (!match) return true; // not a field removal
  const type = released.getType(match[1]);
  if (!type || !(isObjectType(type) || isInterfaceType(type) || isInputObjectType(type))) return true;
  const field = type.getFields()[match[2]];
  return Boolean(field?.deprecationReason);
}

let passed = 0;
let failed = 0;
for (const change of findBreakingChanges(released, current)) {
  const listed = changelog.includes(change.description);
  const deprecatedFirst = wasDeprecated(change.description);
  if (listed && deprecatedFirst) {
    passed++;
    console.log(`listed   ${change.type}: ${change.description}`);
  } else {
    failed++;
    console.log(`BREAKING ${change.type}: ${change.description}` +
      (listed ? '' : ' (not in the changelog)') + (deprecatedFirst ? '' : ' (removed without deprecation first)'));
  }
}
for (const change of findDangerousChanges(released, current)) {
  console.log(`note     ${change.type}: ${change.description}`);
}
passed++; // the comparison itself ran
console.log(`schema-check: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
