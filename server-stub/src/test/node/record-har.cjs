// Records a HAR file in headless Chromium (Debian's, driven by playwright-core) while a page calls the jobs
// operations of a server: the openYuanrong lifecycle (list, submit, get, stop, delete), the ModelArts job list,
// and one path no spec documents.
// Usage: node record-har.cjs CHROMIUM BASE_URL OUT.har
const { chromium } = require('playwright-core');

(async () => {
  const [executablePath, base, out] = process.argv.slice(2);
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({ recordHar: { path: out, content: 'embed' } });
  const page = await context.newPage();
  await page.goto(base + '/api/jobs');
  await page.evaluate(async () => {
    const json = { 'Content-Type': 'application/json' };
    const submit = await fetch('/api/jobs', {
      method: 'POST', headers: json, body: JSON.stringify({ entrypoint: 'python har.py', runtime_env: { working_dir: 'w' } }),
    });
    const id = (await submit.json()).submission_id;
    await (await fetch('/api/jobs/' + id)).text();
    await (await fetch('/api/jobs/' + id + '/stop', { method: 'POST' })).text();
    await (await fetch('/api/jobs/' + id, { method: 'DELETE' })).text();
    await (await fetch('/v1/proj-1/dev-servers/jobs')).text();
    await (await fetch('/nothing-documented-here')).text();
  });
  await context.close();
  await browser.close();
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
