// Opens rendered API reference pages in headless Chromium (Debian's, driven by playwright-core) and prints, as
// JSON, what each page showed: the text and the link targets, after visiting every section and every
// operation from the sidebar (Redoc renders a section when it is opened, so a static dump of the page holds
// only its first screen).
// Usage: node check-rendered.mjs CHROMIUM PAGE.html...
import { chromium } from 'playwright-core';

const [executablePath, ...pages] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const seen = {};
try {
  for (const file of pages) {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto('file://' + file, { waitUntil: 'load' });
    await page.waitForTimeout(1000);
    const texts = [];
    const links = new Set();
    const collect = async () => {
      texts.push(await page.evaluate(() => document.body.innerText));
      for (const href of await page.evaluate(() => [...document.querySelectorAll('a')].map((a) => a.getAttribute('href') || ''))) {
        links.add(href);
      }
    };
    const open = async (href) => {
      await page.locator(`a[href="${href}"]`).first().click({ timeout: 5000 });
      await page.waitForTimeout(400);
      await collect();
    };
    await collect();
    for (const section of [...links].filter((h) => h.startsWith('/'))) {
      await open(section);
    }
    for (const operation of [...links].filter((h) => h.startsWith('#/') && !h.slice(1).includes('#'))) {
      await open(operation);
    }
    seen[file] = { text: texts.join('\n'), links: [...links] };
    await page.close();
  }
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(seen));
