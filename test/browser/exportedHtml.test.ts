/// <reference lib="dom" />
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium';

const ROOT = path.resolve(__dirname, '..', '..', '..');
/** Beside the workbench's artifacts, which the integration run clears and writes again. */
const ARTIFACTS = path.join(ROOT, 'test-artifacts', 'browser');
const CLI = path.join(ROOT, 'dist', 'cli.js');

function render(file: string, out: string, extra: string[] = []): void {
  const result = spawnSync(process.execPath, [CLI, 'render', file, '-o', out, '--today', '2026-03-18', ...extra], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
}

describe('exported HTML in Chromium', function () {
  this.timeout(60_000);
  let browser: Browser;
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'engagement-export-'));

  before(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  /** Opens a file and records everything that must not happen: script, dialogs, requests. */
  async function open(file: string) {
    const page = await browser.newPage({ viewport: { width: 1300, height: 1000 } });
    const requests: string[] = [];
    const dialogs: string[] = [];
    const errors: string[] = [];
    const url = pathToFileURL(file).href;
    page.on('request', (r) => {
      if (r.url() !== url) requests.push(r.url());
    });
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url, { waitUntil: 'load' });
    return { page, requests, dialogs, errors };
  }

  const examples = fs.readdirSync(path.join(ROOT, 'examples')).filter((f) => f.endsWith('.engagement.yaml'));
  for (const example of examples) {
    it(`renders ${example} as a self-contained page, on screen and printed`, async () => {
      const out = path.join(scratch, example.replace('.yaml', '.html'));
      render(path.join(ROOT, 'examples', example), out);
      const { page, requests, dialogs, errors } = await open(out);
      assert.deepEqual({ requests, dialogs, errors }, { requests: [], dialogs: [], errors: [] });
      assert.equal(await page.locator('script').count(), 0);
      assert.ok((await page.locator('.ek-phase').count()) >= 3);
      assert.ok((await page.locator('.ek-matrix td.ek-decide').count()) >= 4);
      assert.ok((await page.locator('.ek-scorecard tbody tr').count()) >= 4);
      const name = example.replace('.engagement.yaml', '');
      await page.screenshot({ path: path.join(ARTIFACTS, `export-${name}.png`), fullPage: true });
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.locator('#findings').count(), 0, "the findings are the team's: a copy leaves them out unless asked");
      const pdf = await page.pdf({ path: path.join(ARTIFACTS, `export-${name}.pdf`), format: 'A4' });
      assert.ok(pdf.length > 10_000);
      await page.close();
    });
  }

  it('renders the portfolio as a self-contained page: bars placed, nothing clipped, nothing run or fetched', async () => {
    const out = path.join(scratch, 'portfolio.html');
    const result = spawnSync(process.execPath, [CLI, 'portfolio', path.join(ROOT, 'test', 'fixtures', 'portfolio'), '--format', 'html', '--today', '2026-03-04'], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    fs.writeFileSync(out, result.stdout);
    const { page, requests, dialogs, errors } = await open(out);
    assert.deepEqual({ requests, dialogs, errors }, { requests: [], dialogs: [], errors: [] });
    assert.equal(await page.locator('script').count(), 0);
    const layout = await page.evaluate(() => {
      const box = (selector: string): DOMRect[] => Array.from(document.querySelectorAll(selector)).map((e) => e.getBoundingClientRect());
      const chart = box('.ek-cols');
      return {
        charts: chart.length,
        // Every segment has a height and lies inside its chart; every column over capacity is marked.
        segmentsPlaced: box('.ek-seg').every((r) => r.height > 0 && chart.some((c) => r.top >= c.top - 1 && r.bottom <= c.bottom + 1 && r.left >= c.left - 1 && r.right <= c.right + 1)),
        capacityLines: box('.ek-cap').filter((r) => r.width > 0).length,
        terms: box('.ek-term').filter((r) => r.width > 0).length,
        pageWidth: document.documentElement.scrollWidth,
        viewport: window.innerWidth,
      };
    });
    assert.deepEqual({ ...layout, pageWidth: undefined, viewport: undefined }, { charts: 4, segmentsPlaced: true, capacityLines: 4, terms: 6, pageWidth: undefined, viewport: undefined });
    assert.ok(layout.pageWidth <= layout.viewport, `nothing wider than the window (${layout.pageWidth} > ${layout.viewport})`);
    await page.screenshot({ path: path.join(ARTIFACTS, 'portfolio-page.png'), fullPage: true });
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ path: path.join(ARTIFACTS, 'portfolio-page.pdf'), format: 'A4', landscape: true });
    assert.ok(pdf.length > 10_000);
    await page.close();
  });

  it('shows markup and script payloads as text: nothing runs, nothing is fetched', async () => {
    const out = path.join(scratch, 'hostile.html');
    render(path.join(ROOT, 'test', 'fixtures', 'hostile.engagement.yaml'), out);
    const { page, requests, dialogs, errors } = await open(out);
    // Hover and click everything, in case a handler slipped through.
    for (const element of await page.locator('main *').all()) {
      await element.hover({ timeout: 500, force: true }).catch(() => undefined);
    }
    await page.locator('main').click({ force: true });
    assert.deepEqual({ requests, dialogs, errors }, { requests: [], dialogs: [], errors: [] });
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), undefined);
    for (const tag of ['script', 'iframe', 'img', 'object', 'link', 'base', 'form', 'video', 'marquee', 'details', 'a', 'main style']) {
      assert.equal(await page.locator(tag).count(), 0, `no <${tag}> from the file`);
    }
    const text = await page.locator('main').innerText();
    assert.ok(text.includes("<script>window.__pwned = 'title'</script> Hostile & Co"));
    assert.ok(text.includes('<img src="http://127.0.0.1:9/pixel.png">Pipeline'));
    assert.ok(text.includes('&lt;already escaped&gt; &amp; stays as typed'));
    await page.screenshot({ path: path.join(ARTIFACTS, 'export-hostile.png'), fullPage: true });
    await page.close();
  });
});
