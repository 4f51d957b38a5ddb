// Opens the app's GraphiQL in headless Chromium, runs the default query and checks the result.
// Usage: node graphiql-check.mjs <baseUrl> <screenshot.png> [expected text] [--query <graphql>]
//          [--role <ROLE>] [--example <name>]
//   <baseUrl>   e.g. http://127.0.0.1:5099 (GraphiQL is expected at <baseUrl>/graphiql)
//   expected    text the result pane must contain (default "Tunis")
//   --query     typed into the editor instead of running the default query (e.g. a subscription)
//   --role      picks this role in the role picker (Development only: fails if the picker is absent)
//   --example   loads the example operation of this name from the Examples menu before running
// Chromium: /usr/bin/chromium, or CHROMIUM_PATH (apt-get install -y chromium).
// Exit code: 0 on success, 1 when the page or the result is wrong, 2 on usage problems.
import { openHeadlessChromium } from './headless-chromium.mjs';

const args = process.argv.slice(2);
const queryIndex = args.indexOf('--query');
const [, query] = queryIndex < 0 ? [] : args.splice(queryIndex, 2);
const roleIndex = args.indexOf('--role');
const [, role] = roleIndex < 0 ? [] : args.splice(roleIndex, 2);
const exampleIndex = args.indexOf('--example');
const [, example] = exampleIndex < 0 ? [] : args.splice(exampleIndex, 2);
const [base, screenshot, expected = 'Tunis'] = args;
if (!base || !screenshot) {
  console.error('usage: node graphiql-check.mjs <baseUrl> <screenshot.png> [expected text]');
  process.exit(2);
}

const problems = [];
let browser;
try {
  browser = await openHeadlessChromium('graphiql-check-', { width: 1400, height: 900 });
  const { page } = browser;
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.method()} ${request.url()} (${request.failure()?.errorText})`));
  page.on('response', (response) => {
    // Only this server is ever contacted: a CDN request would fail on a closed network anyway.
    if (!response.url().startsWith(base)) problems.push(`request outside the app: ${response.url()}`);
  });

  await page.goto(`${base.replace(/\/$/, '')}/graphiql`, { waitUntil: 'load', timeout: 30_000 });
  const run = page.locator('.graphiql-execute-button');
  await run.waitFor({ state: 'visible', timeout: 30_000 });
  // GraphiQL asks for the schema first; run once the editor knows it, as a person would.
  await page.waitForTimeout(500);

  // A CSP without inline scripts must be able to protect the page.
  const inlineScripts = await page.locator('script:not([src])').count();
  if (inlineScripts > 0) problems.push(`${inlineScripts} inline script(s) on the page`);

  if (example) {
    await page.locator('#actors-example').selectOption({ label: example });
    // GraphiQL re-parses the editor after a pause; running earlier would send the previous document.
    await page.waitForTimeout(1000);
  }
  if (role) {
    const picker = page.locator('#actors-roles');
    await picker.waitFor({ state: 'visible', timeout: 10_000 });
    await page.locator('#actors-role').selectOption(role);
    await page.locator('#actors-sign-in').click();
    await page.waitForFunction(
      () => document.querySelector('#actors-status')?.textContent?.startsWith('Signed in as'),
      null,
      { timeout: 10_000 },
    );
    const headers = await page.locator('.graphiql-editor-tool').textContent();
    if (!headers?.includes('Bearer ey')) problems.push(`the Headers pane holds no token: ${headers?.slice(0, 200)}`);
  }
  if (query) {
    await page.locator('.graphiql-query-editor .CodeMirror').first().click();
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText(query);
    // GraphiQL re-parses the editor after a pause; running earlier would send the previous document.
    await page.waitForTimeout(1000);
  }
  await run.click();

  const response = page.locator('.graphiql-response');
  try {
    await page.waitForFunction(
      (text) => document.querySelector('.graphiql-response')?.textContent?.includes(text),
      expected,
      { timeout: 30_000 },
    );
  } catch {
    problems.push(`the result pane never showed "${expected}": ${(await response.textContent())?.slice(0, 300)}`);
  }

  await page.screenshot({ path: screenshot });
  console.log(`screenshot: ${screenshot}`);
} catch (error) {
  problems.push(error?.message ?? String(error));
} finally {
  await browser?.close();
}

for (const problem of problems) console.error(`graphiql-check: ${problem}`);
console.log(`graphiql-check: ${problems.length === 0 ? 1 : 0} passed, ${problems.length === 0 ? 0 : 1} failed`);
process.exit(problems.length === 0 ? 0 : 1);
