// Verifies a signed document's QR code on the API's /verify page in headless Chromium, as a person would, and checks
// the verdict the page shows.
// Usage: node verify-page-check.mjs <pageUrl> <screenshot.png> <expected> (--text <qr text> | --upload <file>)
//          [--offline] [--keys-unreachable] [--no-keys] [--phone] [--expect-number <document number>]
//   <pageUrl>    http://host/verify/
//   <expected>   VALID, EXPIRED, NOT_YET_VALID, INVALID[:FAILURE] (e.g. INVALID:BAD_SIGNATURE), NO_KEYS, or
//                ERROR:<text> (the page refuses the input with a message containing <text>, e.g. an upload of a .txt)
//   --text       pastes this text into the QR text field and presses "Vérifier"
//   --upload     chooses this file in the image field (the page decodes the QR code and verifies at once)
//   --offline    cuts the network once the page has loaded its keys, before verifying
//   --keys-unreachable  loads the page once (the keys are kept), then reloads it with the keys address unreachable:
//                the page must say it uses the keys as of an earlier time, and still verify
//   --no-keys    the keys address is unreachable from the first load: the page must say verification is impossible
//   --phone      a phone-sized window (390 × 844) instead of 1000 × 900
//   --expect-number  the document number the page must show (for verdicts that show the payload)
// Chromium: /usr/bin/chromium, or CHROMIUM_PATH. Exit code: 0 on success, 1 when the page is wrong, 2 on usage problems.
import { openHeadlessChromium } from './headless-chromium.mjs';

const usage = 'usage: node verify-page-check.mjs <pageUrl> <screenshot.png> <expected> (--text <qr text> | --upload <file>) '
  + '[--offline] [--keys-unreachable] [--no-keys] [--phone] [--expect-number <number>]';
const args = process.argv.slice(2);
const option = (name) => {
  const index = args.indexOf(name);
  if (index < 0) return undefined;
  const [, value] = args.splice(index, 2);
  return value;
};
const flag = (name) => {
  const index = args.indexOf(name);
  if (index < 0) return false;
  args.splice(index, 1);
  return true;
};
const text = option('--text');
const upload = option('--upload');
const expectedNumber = option('--expect-number');
const offline = flag('--offline');
const keysUnreachable = flag('--keys-unreachable');
const noKeys = flag('--no-keys');
const phone = flag('--phone');
const [pageUrl, screenshot, expected] = args;
if (!pageUrl || !screenshot || !expected || (text === undefined) === (upload === undefined) || args.length !== 3) {
  console.error(usage);
  process.exit(2);
}

const TITLES = {
  VALID: 'Document authentique et en cours de validité',
  EXPIRED: 'Document authentique mais expiré',
  NOT_YET_VALID: 'Document pas encore valable',
  INVALID: 'Document non valable',
  NO_KEYS: 'Vérification impossible',
};
const [expectedVerdict, ...rest] = expected.split(':');
const expectedDetail = rest.join(':');

const origin = new URL(pageUrl).origin;
const keysUrl = `${origin}/.well-known/document-keys`;
const problems = [];
let browser;
try {
  browser = await openHeadlessChromium('verify-page-check-', phone ? { width: 390, height: 844 } : { width: 1000, height: 900 });
  const { page } = browser;
  const context = page.context();
  let blockingKeys = noKeys;
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    // A CSP violation (an inline script or style, a resource from elsewhere) shows here; the keys fetch that this
    // check itself makes fail is expected to show too.
    if (message.type() !== 'error') return;
    if (blockingKeys && /Failed to load resource/.test(message.text())) return;
    if (offline && /ERR_INTERNET_DISCONNECTED/.test(message.text())) return;
    problems.push(`console error: ${message.text()}`);
  });
  page.on('request', (request) => {
    // The page loads nothing from anywhere but the API that serves it (blob: is the person's own upload).
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:')) problems.push(`request outside the API: ${url}`);
  });
  await context.route(keysUrl, (route) => (blockingKeys ? route.abort('internetdisconnected') : route.continue()));

  const keysSettled = async (state) => {
    await page.waitForFunction(() => document.getElementById('keys-status')?.dataset.state !== 'loading', null, { timeout: 30_000 });
    const actual = await page.locator('#keys-status').getAttribute('data-state');
    if (actual !== state) problems.push(`the keys status is "${actual}", expected "${state}": ${await page.locator('#keys-status').innerText()}`);
  };

  const first = await page.goto(pageUrl, { waitUntil: 'load', timeout: 30_000 });
  if (!first?.ok()) problems.push(`the page answered ${first?.status()}`);
  const policy = (await first?.allHeaders())?.['content-security-policy'] ?? '';
  for (const directive of ["default-src 'self'", "script-src 'self'", "style-src 'self'", "connect-src 'self'"]) {
    if (!policy.includes(directive)) problems.push(`the Content-Security-Policy lacks ${directive}: "${policy}"`);
  }
  if ((await page.locator('html').getAttribute('lang')) !== 'fr') problems.push('the page is not marked lang="fr"');
  if ((await page.locator('[lang="ar"]:not([dir="rtl"])').count()) > 0) problems.push('an Arabic part is not marked dir="rtl"');

  if (keysUnreachable) {
    await keysSettled('online');
    blockingKeys = true;
    await page.reload({ waitUntil: 'load', timeout: 30_000 });
    await keysSettled('cache');
    const status = await page.locator('#keys-status').innerText();
    if (!/clés de l'émetteur au \d{2}\/\d{2}\/\d{4}/.test(status)) problems.push(`the page does not say as of when its keys are: ${status}`);
  } else {
    await keysSettled(noKeys ? 'none' : 'online');
  }

  if (offline) {
    await context.setOffline(true);
    blockingKeys = true;
  }

  if (text !== undefined) {
    await page.locator('#qr-text').fill(text);
    await page.locator('#verify').click();
  } else {
    await page.locator('#qr-image').setInputFiles(upload);
  }

  if (expectedVerdict === 'ERROR') {
    try {
      await page.locator('#input-error').waitFor({ state: 'visible', timeout: 30_000 });
      const message = await page.locator('#input-error').innerText();
      if (!message.includes(expectedDetail)) problems.push(`the error does not say "${expectedDetail}": ${message}`);
      if (!(await page.locator('#input-error').getAttribute('lang')) && (await page.locator('#input-error [lang="ar"]').count()) === 0) {
        problems.push('the error has no Arabic part');
      }
    } catch {
      problems.push(`the page showed no input error; verdict: ${await page.locator('#verdict').getAttribute('data-verdict')}`);
    }
  } else {
    try {
      await page.waitForFunction(() => document.getElementById('verdict')?.dataset.verdict, null, { timeout: 30_000 });
      const verdict = page.locator('#verdict');
      const actual = await verdict.getAttribute('data-verdict');
      const failure = await verdict.getAttribute('data-failure');
      const title = await page.locator('#verdict-fr').innerText();
      console.log(`verdict: ${actual}${failure ? ` (${failure})` : ''}: ${title}`);
      if (actual !== expectedVerdict) problems.push(`the verdict is ${actual} (${failure}), expected ${expectedVerdict}: ${await verdict.innerText()}`);
      if (expectedDetail && failure !== expectedDetail) problems.push(`the failure is ${failure}, expected ${expectedDetail}`);
      if (!title.includes(TITLES[expectedVerdict])) problems.push(`the verdict does not read "${TITLES[expectedVerdict]}": ${title}`);
      if ((await page.locator('#verdict-ar').innerText()).trim() === '') problems.push('the verdict has no Arabic text');

      const payloadShown = await page.locator('#payload').isVisible();
      const showsPayload = ['VALID', 'EXPIRED', 'NOT_YET_VALID'].includes(expectedVerdict);
      if (payloadShown !== showsPayload) problems.push(`the payload is ${payloadShown ? 'shown' : 'hidden'} for ${actual}`);
      if (showsPayload && expectedNumber && (await page.locator('#f-number').innerText()) !== expectedNumber) {
        problems.push(`the page shows document number ${await page.locator('#f-number').innerText()}, expected ${expectedNumber}`);
      }
    } catch (error) {
      problems.push(`the page showed no verdict: ${error.message}`);
    }
  }

  const note = await page.locator('#online-note').innerText();
  if (!/révocation/i.test(note) || !note.includes('verifyDocument')) problems.push(`the note on online-only revocation is missing: ${note}`);

  await page.screenshot({ path: screenshot, fullPage: true });
  console.log(`screenshot: ${screenshot}`);
} catch (error) {
  problems.push(error?.message ?? String(error));
} finally {
  await browser?.close();
}

for (const problem of problems) console.error(`verify-page-check: ${problem}`);
console.log(`verify-page-check: ${problems.length === 0 ? 1 : 0} passed, ${problems.length === 0 ? 0 : 1} failed`);
process.exit(problems.length === 0 ? 0 : 1);
