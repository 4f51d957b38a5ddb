// Opens the API's /dashboard page in headless Chromium as an analyst would, and checks what it shows: the panels drawn
// (a canvas each), the total, small groups as "< 5" and never as a number, and the panels the API cannot feed yet
// saying so instead of failing.
// Usage: node dashboard-check.mjs <pageUrl> <screenshot.png> (--token <jwt> | --dev-token) [--phone]
//          [--expect-total <n>] [--expect-shown <governorate code>=<n>]... [--expect-suppressed <governorate code>]...
//          [--expect-refused <text>]
//   <pageUrl>     http://host/dashboard/
//   --token       pastes this token in the token field and presses "Afficher"
//   --dev-token   presses the Development button (POST /dev/token as ANALYST) instead
//   --phone       a phone-sized window (390 × 844) instead of 1280 × 900
//   --expect-total       the total the page must show (French grouping: 1 234)
//   --expect-shown       a governorate whose count the page must show in its table
//   --expect-suppressed  a governorate the page must show as "< threshold" (and whose count must appear nowhere)
//   --expect-refused     the token may not see the figures: the page must say so (a message containing <text>)
//                        and show no panel
// Chromium: /usr/bin/chromium, or CHROMIUM_PATH. Exit code: 0 on success, 1 when the page is wrong, 2 on usage problems.
import { openHeadlessChromium } from './headless-chromium.mjs';

const usage = 'usage: node dashboard-check.mjs <pageUrl> <screenshot.png> (--token <jwt> | --dev-token) [--phone] '
  + '[--expect-total <n>] [--expect-shown <code>=<n>]... [--expect-suppressed <code>]... [--expect-refused <text>]';
const args = process.argv.slice(2);
const option = (name) => {
  const index = args.indexOf(name);
  if (index < 0) return undefined;
  const [, value] = args.splice(index, 2);
  return value;
};
const options = (name) => {
  const values = [];
  for (let value = option(name); value !== undefined; value = option(name)) values.push(value);
  return values;
};
const flag = (name) => {
  const index = args.indexOf(name);
  if (index < 0) return false;
  args.splice(index, 1);
  return true;
};
const token = option('--token');
const devToken = flag('--dev-token');
const phone = flag('--phone');
const expectedTotal = option('--expect-total');
const expectedShown = options('--expect-shown').map((pair) => pair.split('='));
const expectedSuppressed = options('--expect-suppressed');
const expectedRefusal = option('--expect-refused');
const [pageUrl, screenshot] = args;
if (!pageUrl || !screenshot || (token === undefined) === !devToken || args.length !== 2) {
  console.error(usage);
  process.exit(2);
}

// The panels that draw from fields main has had since the progress query; the others may say "pas encore disponible".
const ALWAYS = ['status', 'governorate', 'timeline', 'rollout'];
const OPTIONAL = ['durations', 'campaign'];
const format = (n) => new Intl.NumberFormat('fr-FR').format(Number(n));

/** Thrown once a refused token's page is checked: nothing after that applies. */
class Refused extends Error {}

const origin = new URL(pageUrl).origin;
const problems = [];
let browser;
try {
  browser = await openHeadlessChromium('dashboard-check-', phone ? { width: 390, height: 844 } : { width: 1280, height: 900 });
  const { page } = browser;
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    // A CSP violation (an inline script or style, a resource from elsewhere) shows here. The page's own probe of
    // /dev/token (GET: 405 in Development, 404 elsewhere, by design) logs one failed load, which is not a problem.
    if (message.type() !== 'error') return;
    if (/status of 40[45]/.test(message.text()) && message.location().url.endsWith('/dev/token')) return;
    // A token the API refuses is answered 401, which the browser logs too.
    if (expectedRefusal !== undefined && /status of 401/.test(message.text()) && message.location().url.endsWith('/graphql')) return;
    problems.push(`console error: ${message.text()} (${message.location().url})`);
  });
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) problems.push(`request outside the API: ${url}`);
  });

  const response = await page.goto(pageUrl, { waitUntil: 'load', timeout: 30_000 });
  if (!response?.ok()) problems.push(`the page answered ${response?.status()}`);
  const policy = (await response?.allHeaders())?.['content-security-policy'] ?? '';
  for (const directive of ["default-src 'self'", "script-src 'self'", "style-src 'self'", "connect-src 'self'"]) {
    if (!policy.includes(directive)) problems.push(`the Content-Security-Policy lacks ${directive}: "${policy}"`);
  }
  if ((await page.locator('html').getAttribute('lang')) !== 'fr') problems.push('the page is not marked lang="fr"');
  if (!(await page.evaluate(() => typeof window.Chart === 'function'))) problems.push('the charting library did not load from vendor/');

  if (devToken) {
    await page.locator('#dev-token').waitFor({ state: 'visible', timeout: 10_000 });
    await page.locator('#dev-token').click();
  } else {
    await page.locator('#token').fill(token);
    await page.locator('#use-token').click();
  }

  await page.waitForFunction(() => ['ready', 'error'].includes(document.getElementById('status')?.dataset.state), null, { timeout: 30_000 });
  const status = await page.locator('#status').innerText();
  console.log(`status: ${status}`);
  if (expectedRefusal !== undefined) {
    if ((await page.locator('#status').getAttribute('data-state')) !== 'error' || !status.includes(expectedRefusal)) {
      problems.push(`the page does not refuse the token with "${expectedRefusal}": ${status}`);
    }
    if (await page.locator('#panels').isVisible()) problems.push('the panels are shown to a token that may not see them');
    await page.screenshot({ path: screenshot, fullPage: true });
    throw new Refused();
  }
  if ((await page.locator('#status').getAttribute('data-state')) !== 'ready') problems.push(`the page did not load its figures: ${status}`);
  if (!(await page.evaluate(() => sessionStorage.getItem('actors.dashboard.token')))) problems.push('the token is not kept in sessionStorage');

  const asOf = await page.locator('#as-of').innerText();
  if (!/\d{4}/.test(asOf)) problems.push(`the page does not say as of when its figures are: "${asOf}"`);
  const total = (await page.locator('#total').innerText()).trim();
  console.log(`total: ${total}, as of ${asOf}`);
  if (expectedTotal !== undefined && total !== format(expectedTotal)) problems.push(`the total reads "${total}", expected ${format(expectedTotal)}`);

  for (const id of [...ALWAYS, ...OPTIONAL]) {
    const panel = page.locator(`#panel-${id}`);
    const state = await panel.getAttribute('data-state');
    const canvases = await panel.locator('canvas').count();
    console.log(`panel ${id}: ${state}, ${canvases} chart(s)`);
    if (ALWAYS.includes(id) && (state !== 'ready' || canvases !== 1)) {
      problems.push(`panel ${id} is ${state} with ${canvases} chart(s): ${await panel.innerText()}`);
    }
    if (OPTIONAL.includes(id)) {
      if (state === 'unavailable') {
        if (!(await panel.innerText()).includes('Pas encore disponible')) problems.push(`panel ${id} is unavailable without saying so`);
      } else if (state !== 'ready') {
        problems.push(`panel ${id} is ${state}: ${await panel.innerText()}`);
      }
    }
    if (ALWAYS.includes(id) && canvases === 1) {
      // A chart that drew nothing is a blank canvas: some pixels must be set.
      const drawn = await panel.locator('canvas').evaluate((canvas) => {
        const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
        for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) return true;
        return false;
      });
      if (!drawn) problems.push(`panel ${id}'s chart is blank`);
    }
  }

  // The governorate table: every row's name, and its figure as written.
  const rows = await page.locator('#panel-governorate tbody tr').evaluateAll((trs) => trs.map((tr) => ({
    // textContent: the table may be folded (a closed <details>), where innerText is empty.
    name: tr.querySelector('th').textContent,
    figure: tr.querySelector('td').textContent,
  })));
  const names = await page.evaluate(() => fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ governorates { code nameFr nameAr } }' }),
  }).then((r) => r.json()).then((r) => Object.fromEntries(r.data.governorates.map((g) => [g.code, g]))));
  const row = (code) => rows.find((r) => r.name.startsWith(names[code].nameFr));
  for (const [code, count] of expectedShown) {
    const found = row(code);
    if (!found) problems.push(`no row for ${code} in the governorate table`);
    else if (found.figure !== format(count)) problems.push(`${code} reads "${found.figure}", expected ${format(count)}`);
    else if (!found.name.includes(names[code].nameAr)) problems.push(`${code}'s row lacks its Arabic name ${names[code].nameAr}`);
  }
  const threshold = Number((await page.locator('#suppression-note').innerText()).match(/moins de (\d+)/)?.[1] ?? 0);
  for (const code of expectedSuppressed) {
    const found = row(code);
    if (!found) problems.push(`no row for ${code} in the governorate table`);
    else if (found.figure !== `< ${threshold}` || threshold === 0) problems.push(`${code} reads "${found.figure}", expected "< ${threshold}"`);
    const labels = await page.locator('#panel-governorate canvas').evaluate((canvas) => {
      // Chart.js keeps its instances by canvas: the drawn labels say whether the withheld group was plotted.
      const chart = window.Chart.getChart(canvas);
      return chart ? chart.data.labels : [];
    });
    if (labels.includes(names[code].nameFr)) problems.push(`${code} is suppressed but plotted in the chart`);
  }
  // A withheld count is never written anywhere as a number: every cell marked suppressed reads "< n".
  const suppressedCells = await page.locator('td.suppressed').allTextContents();
  for (const text of suppressedCells) if (!/^< \d+$/.test(text)) problems.push(`a withheld cell reads "${text}"`);
  if (expectedSuppressed.length > 0 && suppressedCells.length === 0) problems.push('no cell reads "< n"');

  // The tables are closed by default on long lists; open them all for the screenshot so that a person sees the figures.
  await page.locator('#panel-governorate details').evaluate((details) => { details.open = true; });
  await page.screenshot({ path: screenshot, fullPage: true });
} catch (error) {
  if (!(error instanceof Refused)) problems.push(`the check failed: ${error.message}`);
} finally {
  await browser?.close();
}

if (problems.length > 0) {
  for (const problem of problems) console.error(problem);
  process.exit(1);
}
console.log(`${expectedRefusal === undefined ? 'the dashboard shows its panels' : 'the dashboard refuses the token'}; screenshot: ${screenshot}`);
