// Pays on the sandbox gateway's hosted page in headless Chromium, as a person would, and checks the outcome.
// Usage: node payment-page-check.mjs <payUrl> <screenshot.png> <card number> <expected text> [--otp <code>]
//   (also saves the filled-in form as <screenshot>-form.png)
//   <payUrl>    the session's redirect URL (http://host/sandbox/gateway/pay/cs_...)
//   <card>      a test card (docs/sandboxes.md), typed digit by digit into the card field
//   <expected>  text the page must show at the end (e.g. "Paiement accepté")
//   --otp       the 3-D Secure code to type when the page asks for one (the check fails if it does not ask)
// Chromium: /usr/bin/chromium, or CHROMIUM_PATH. Exit code: 0 on success, 1 when the page is wrong, 2 on usage problems.
import { openHeadlessChromium } from './headless-chromium.mjs';

const args = process.argv.slice(2);
const otpIndex = args.indexOf('--otp');
const [, otp] = otpIndex < 0 ? [] : args.splice(otpIndex, 2);
const [payUrl, screenshot, card, expected] = args;
if (!payUrl || !screenshot || !card || !expected) {
  console.error('usage: node payment-page-check.mjs <payUrl> <screenshot.png> <card number> <expected text> [--otp <code>]');
  process.exit(2);
}

const origin = new URL(payUrl).origin;
const problems = [];
let browser;
try {
  browser = await openHeadlessChromium('payment-page-check-', { width: 720, height: 1000 });
  const { page } = browser;
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    // A CSP violation (an inline script or style, a resource from elsewhere) shows here.
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('request', (request) => {
    // The hosted page loads nothing from anywhere but its own server.
    if (!request.url().startsWith(origin)) problems.push(`request outside the gateway: ${request.url()}`);
  });

  const first = await page.goto(payUrl, { waitUntil: 'load', timeout: 30_000 });
  if (!first?.ok()) problems.push(`the page answered ${first?.status()}`);
  const amount = (await page.locator('#order-amount').textContent())?.trim();
  if (!/^\d+\.\d{3} TND$/.test(amount ?? '')) problems.push(`the amount is not dinars with three decimals: ${amount}`);

  // Typed as a person types, so the page's grouping of the number by four runs.
  await page.locator('#number').pressSequentially(card.replace(/\D/g, ''), { delay: 10 });
  const grouped = await page.locator('#number').inputValue();
  if (grouped !== card.replace(/\D/g, '').replace(/(\d{4})(?=\d)/g, '$1 ')) problems.push(`the card number was not grouped by four: ${grouped}`);
  const nextYear = String((new Date().getFullYear() + 1) % 100).padStart(2, '0');
  await page.locator('#expiry').pressSequentially(`12${nextYear}`, { delay: 10 });
  await page.locator('#cvc').fill('123');
  await page.locator('#name').fill('Amina Ben Salah');
  // The filled-in form too, next to the final screenshot, for a person to look at.
  await page.screenshot({ path: screenshot.replace(/\.png$/, '') + '-form.png', fullPage: true });
  await Promise.all([page.waitForNavigation({ timeout: 30_000 }), page.locator('#pay').click()]);

  if (otp !== undefined) {
    const code = page.locator('#otp');
    try {
      await code.waitFor({ state: 'visible', timeout: 10_000 });
      await code.fill(otp);
      await Promise.all([page.waitForNavigation({ timeout: 30_000 }), page.locator('#confirm').click()]);
    } catch {
      problems.push('the page did not ask for the 3-D Secure code');
    }
  }

  try {
    await page.waitForFunction((text) => document.body.innerText.includes(text), expected, { timeout: 30_000 });
  } catch {
    problems.push(`the page never showed "${expected}": ${(await page.locator('main').innerText()).slice(0, 400)}`);
  }

  await page.screenshot({ path: screenshot, fullPage: true });
  console.log(`screenshot: ${screenshot}`);
} catch (error) {
  problems.push(error?.message ?? String(error));
} finally {
  await browser?.close();
}

for (const problem of problems) console.error(`payment-page-check: ${problem}`);
console.log(`payment-page-check: ${problems.length === 0 ? 1 : 0} passed, ${problems.length === 0 ? 0 : 1} failed`);
process.exit(problems.length === 0 ? 0 : 1);
