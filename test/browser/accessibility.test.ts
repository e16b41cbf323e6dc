import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium';
import { axeViolations } from './axe';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');

function cli(args: string[]): string {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  assert.ok(result.status === 0 || (args[0] === 'diff' && result.status === 1), result.stderr);
  return result.stdout;
}

/**
 * Every page the command line writes, held to WCAG 2.1 A and AA and axe's best practices in
 * Chromium: the client's copy of every example (with and without the checks), a hostile one,
 * the portfolio page and the changes page. The preview and the portfolio as VS Code shows
 * them are checked in the workbench, in four themes (test/host/accessibilityChecks.mjs).
 */
describe('the pages the product writes, checked with axe-core', function () {
  this.timeout(60_000);
  let browser: Browser;
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'engagement-axe-'));

  before(async () => {
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  async function violationsOf(html: string, name: string, colorScheme: 'light' | 'dark' = 'light'): Promise<string[]> {
    const file = path.join(scratch, `${name}.html`);
    fs.writeFileSync(file, html);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme });
    try {
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      return await axeViolations(page);
    } finally {
      await page.close();
    }
  }

  const examples = fs.readdirSync(path.join(ROOT, 'examples')).filter((f) => f.endsWith('.engagement.yaml'));
  for (const example of examples) {
    it(`passes on the client's copy of ${example}, with and without the checks`, async () => {
      const file = path.join(ROOT, 'examples', example);
      for (const extra of [[], ['--include-checks']]) {
        const html = cli(['render', file, '--today', '2026-03-18', ...extra]);
        assert.deepEqual(await violationsOf(html, example), [], `${example} ${extra.join(' ')}`);
      }
    });
  }

  it('passes on a copy of hostile values and on one with six parties, in landscape width', async () => {
    for (const fixture of ['hostile.engagement.yaml', 'six-parties.engagement.yaml']) {
      const html = cli(['render', path.join(ROOT, 'test', 'fixtures', fixture), '--include-checks', '--today', '2026-03-18']);
      assert.deepEqual(await violationsOf(html, fixture), [], fixture);
    }
  });

  it('passes on the portfolio page, in light and dark', async () => {
    const html = cli(['portfolio', path.join(ROOT, 'test', 'fixtures', 'portfolio'), '--format', 'html', '--today', '2026-03-04']);
    for (const scheme of ['light', 'dark'] as const) assert.deepEqual(await violationsOf(html, 'portfolio', scheme), [], scheme);
  });

  it('passes on the changes page', async () => {
    const before = path.join(scratch, 'before.engagement.yaml');
    const after = path.join(scratch, 'after.engagement.yaml');
    const base = fs.readFileSync(path.join(ROOT, 'examples', 'corvid-cso.engagement.yaml'), 'utf8');
    fs.writeFileSync(before, base);
    fs.writeFileSync(after, base.replace('crm: full', 'crm: view').replace(/days-per-week: [\d.]+/, 'days-per-week: 1'));
    const html = cli(['diff', before, after, '--format', 'html']);
    assert.match(html, /<html/);
    assert.deepEqual(await violationsOf(html, 'changes'), []);
  });
});
