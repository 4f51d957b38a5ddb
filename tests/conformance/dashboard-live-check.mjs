// Opens the API's /dashboard page in headless Chromium with an analyst's token, waits until it follows the figures live
// (progressChanged over graphql-transport-ws), submits a request over HTTP and checks that the page shows it without
// being reloaded: the total goes up by one, the page is the same document (no navigation), "En direct" is shown with
// the time of the update. Then the socket is closed from the server's side: the page must say it is back to asking every
// minute. Also checks the fund use panel: drawn, or saying it is not available, never broken.
// Usage: node dashboard-live-check.mjs <pageUrl> <screenshot prefix> --token <jwt> --citizen <jwt> --center <center id>
//   <pageUrl>   http://host/dashboard/
//   writes <prefix>-before.png (live, before the submission), <prefix>-after.png (after it, unreloaded) and
//   <prefix>-fallback.png (once the socket is closed)
// Chromium: /usr/bin/chromium, or CHROMIUM_PATH. Exit code: 0 on success, 1 when the page is wrong, 2 on usage problems.
import { openHeadlessChromium } from './headless-chromium.mjs';

const args = process.argv.slice(2);
const option = (name) => {
  const index = args.indexOf(name);
  if (index < 0) return undefined;
  const [, value] = args.splice(index, 2);
  return value;
};
const token = option('--token');
const citizen = option('--citizen');
const center = option('--center');
const [pageUrl, prefix] = args;
if (!pageUrl || !prefix || !token || !citizen || !center || args.length !== 2) {
  console.error('usage: node dashboard-live-check.mjs <pageUrl> <screenshot prefix> --token <jwt> --citizen <jwt> --center <center id>');
  process.exit(2);
}

const origin = new URL(pageUrl).origin;
const format = (n) => new Intl.NumberFormat('fr-FR').format(Number(n));
const problems = [];
let browser;

async function submit() {
  const response = await fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${citizen}` },
    body: JSON.stringify({
      query: `mutation($in: SubmitIdCardRequestInput!) { submitIdCardRequest(input: $in) { request { id } errors { __typename } } }`,
      variables: {
        in: {
          reason: 'RENEWAL',
          centerId: center,
          idempotencyKey: `dashboard-live-${process.pid}`,
          applicant: { givenName: 'Amira', familyName: 'Ben Salah', birthDate: '1995-02-03', nationalIdNumber: '01234567' },
        },
      },
    }),
  });
  const body = await response.json();
  if (!body.data?.submitIdCardRequest?.request?.id) throw new Error(`the submission failed: ${JSON.stringify(body)}`);
}

try {
  browser = await openHeadlessChromium('dashboard-live-check-', { width: 1280, height: 900 });
  const { page } = browser;
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    // A CSP violation (the socket refused by connect-src, among others) shows here; the probe of /dev/token is expected.
    if (message.type() !== 'error') return;
    if (/status of 40[45]/.test(message.text()) && message.location().url.endsWith('/dev/token')) return;
    problems.push(`console error: ${message.text()} (${message.location().url})`);
  });
  const sockets = [];
  page.on('websocket', (socket) => {
    sockets.push(socket.url());
    if (!socket.url().startsWith(origin.replace(/^http/, 'ws'))) problems.push(`a socket outside the API: ${socket.url()}`);
  });
  // Every socket of the page goes through this route to the API, so that the check can close it as a server would.
  const routes = [];
  await page.routeWebSocket(/\/graphql$/, (route) => {
    route.connectToServer();
    routes.push(route);
  });
  let navigations = 0;
  page.on('framenavigated', (frame) => { if (frame === page.mainFrame()) navigations++; });

  const response = await page.goto(pageUrl, { waitUntil: 'load', timeout: 30_000 });
  if (!response?.ok()) problems.push(`the page answered ${response?.status()}`);
  const policy = (await response?.allHeaders())?.['content-security-policy'] ?? '';
  if (!/connect-src 'self'[^;]*ws:\/\//.test(policy)) problems.push(`the policy does not let the page reach its own socket: "${policy}"`);
  if (/connect-src[^;]*\*/.test(policy)) problems.push(`the policy lets the page connect anywhere: "${policy}"`);

  await page.locator('#token').fill(token);
  await page.locator('#use-token').click();
  await page.waitForFunction(() => document.getElementById('status')?.dataset.state === 'ready', null, { timeout: 30_000 });
  await page.waitForFunction(() => document.getElementById('live')?.dataset.state === 'live', null, { timeout: 30_000 })
    .catch(() => problems.push('the page never said it follows the figures live'));
  const liveText = await page.locator('#live').innerText();
  console.log(`live: ${liveText}; sockets: ${sockets.join(', ')}`);
  if (!liveText.includes('En direct')) problems.push(`the live state reads "${liveText}"`);

  const fundUse = page.locator('#panel-funduse');
  const fundState = await fundUse.getAttribute('data-state');
  console.log(`panel funduse: ${fundState}`);
  if (fundState === 'unavailable') {
    if (!(await fundUse.innerText()).includes('Pas encore disponible')) problems.push('the fund use panel is unavailable without saying so');
  } else if (fundState !== 'ready') {
    problems.push(`the fund use panel is ${fundState}: ${await fundUse.innerText()}`);
  }

  // A mark on the document: a reload would lose it.
  await page.evaluate(() => { window.liveCheckMark = 'same document'; });
  const before = (await page.locator('#total').innerText()).trim();
  const beforeUpdate = await page.locator('#refreshed').innerText();
  console.log(`total before: ${before} (${beforeUpdate})`);
  await page.screenshot({ path: `${prefix}-before.png`, fullPage: true });
  const expected = format(Number(before.replace(/\D/g, '')) + 1);

  await submit();
  await page.waitForFunction((text) => document.getElementById('total')?.textContent.trim() === text, expected, { timeout: 30_000 })
    .catch(async () => problems.push(`the total did not become ${expected} without a reload; it reads "${(await page.locator('#total').innerText()).trim()}"`));
  const after = (await page.locator('#total').innerText()).trim();
  const afterUpdate = await page.locator('#refreshed').innerText();
  console.log(`total after: ${after} (${afterUpdate})`);
  if ((await page.evaluate(() => window.liveCheckMark)) !== 'same document' || navigations > 1) problems.push('the page was reloaded');
  if (!/\d{2}:\d{2}:\d{2}/.test(afterUpdate)) problems.push(`the page does not say when it was updated: "${afterUpdate}"`);
  if ((await page.locator('#live').getAttribute('data-state')) !== 'live') problems.push('the page stopped following live');
  await page.locator('#panel-status details').evaluate((details) => { details.open = true; });
  await page.screenshot({ path: `${prefix}-after.png`, fullPage: true });

  // The server goes away (1001): the page falls back to asking every minute, and says so.
  for (const route of routes) await route.close({ code: 1001, reason: 'going away' });
  await page.waitForFunction(() => document.getElementById('live')?.dataset.state === 'polling', null, { timeout: 30_000 })
    .catch(() => problems.push('the page did not fall back to polling when its socket closed'));
  const fallback = await page.locator('#live').innerText();
  console.log(`after the socket closed: ${fallback}`);
  if (!fallback.includes('chaque minute')) problems.push(`the fallback reads "${fallback}"`);
  await page.screenshot({ path: `${prefix}-fallback.png`, fullPage: false });
} catch (error) {
  problems.push(`the check failed: ${error.message}`);
} finally {
  await browser?.close();
}

if (problems.length > 0) {
  for (const problem of problems) console.error(problem);
  process.exit(1);
}
console.log(`the dashboard follows the figures live; screenshots: ${prefix}-before.png, ${prefix}-after.png`);
