/// <reference lib="dom" />
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { CHROMIUM, launchChromium } from './chromium';
import { engagementTemplate } from '../../src/core/library/engagementTemplate';
import { ROLE_TEMPLATES } from '../../src/core/library/roles';
import { contentWidthPx } from '../../src/print/printPdf';

const ROOT = path.resolve(__dirname, '..', '..', '..');
/** The printed PDFs and their pages as PNG, kept beside the browser tests' other artifacts. */
const ARTIFACTS = path.join(ROOT, 'test-artifacts', 'browser', 'pdf');
const CLI = path.join(ROOT, 'dist', 'cli.js');

/** Points of each paper, portrait, as pdfinfo reports them (Chromium rounds A4 up a little). */
const POINTS = { a4: [595.92, 842.88], letter: [612, 792] } as const;

function cli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, CHROME_PATH: '' } });
}

/** Page count and size of a PDF, from pdfinfo. */
function pdfInfo(file: string): { pages: number; width: number; height: number } {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
  return { pages: Number(/Pages:\s+(\d+)/.exec(info)![1]), width: Number(size[1]), height: Number(size[2]) };
}

const examples = fs.readdirSync(path.join(ROOT, 'examples')).filter((f) => f.endsWith('.engagement.yaml')).map((f) => path.join(ROOT, 'examples', f));
/** An engagement of every role the library has: the examples', and a new engagement of each other role as *New Engagement* writes it. */
const exampleRoles = new Set(examples.map((f) => /^ {2}role: (\w+)/m.exec(fs.readFileSync(f, 'utf8'))?.[1]));
const templates = fs.mkdtempSync(path.join(os.tmpdir(), 'engagement-roles-'));
const otherRoles = ROLE_TEMPLATES.filter((r) => !exampleRoles.has(r.role)).map((role) => {
  const file = path.join(templates, `new-${role.role.toLowerCase()}.engagement.yaml`);
  fs.writeFileSync(file, engagementTemplate(role, { client: 'Halden Freight & Co.', executive: 'Sam Okafor', start: '2026-02-02' }));
  return file;
});
const engagements = [...examples, ...otherRoles, path.join(ROOT, 'test', 'fixtures', 'six-parties.engagement.yaml')];

describe('the client copy on paper', function () {
  this.timeout(120_000);
  let browser: Browser;
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'engagement-pdf-'));

  before(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    fs.rmSync(scratch, { recursive: true, force: true });
    fs.rmSync(templates, { recursive: true, force: true });
  });

  it('prints an engagement of every role the library has', () => {
    const printed = new Set(engagements.map((f) => /^ {2}role: (\w+)/m.exec(fs.readFileSync(f, 'utf8'))?.[1]));
    assert.deepEqual(ROLE_TEMPLATES.map((r) => r.role).filter((role) => !printed.has(role)), []);
  });

  for (const file of engagements) {
    const name = path.basename(file, '.engagement.yaml');
    it(`prints ${name} on A4 and Letter: nothing wider than the page, words whole, every page headed and numbered`, async () => {
      // The page as the browser lays it out for paper: print styles, the width a page leaves.
      const html = path.join(scratch, `${name}.html`);
      assert.equal(cli(['render', file, '-o', html, '--today', '2026-03-18']).status, 0);
      for (const paper of ['a4', 'letter'] as const) {
        const out = path.join(ARTIFACTS, `${name}-${paper}.pdf`);
        const printed = cli(['render', file, '--format', 'pdf', '--paper', paper, '-o', out, '--today', '2026-03-18', '--browser', CHROMIUM]);
        assert.equal(printed.status, 0, printed.stderr);
        const info = pdfInfo(out);
        const landscape = info.width > info.height;
        assert.deepEqual([Math.min(info.width, info.height), Math.max(info.width, info.height)], POINTS[paper], `${paper} paper`);
        assert.ok(info.pages >= 2, `${info.pages} pages`);

        const page = await browser.newPage({ viewport: { width: Math.floor(contentWidthPx(paper, landscape)), height: 1000 } });
        await page.emulateMedia({ media: 'print' });
        await page.goto(`file://${html}`);
        const layout = await page.evaluate(() => {
          const width = document.documentElement.clientWidth;
          const outside = Array.from(document.querySelectorAll('main *'))
            .filter((e) => e.getBoundingClientRect().right > width + 1 || e.getBoundingClientRect().left < -1)
            .map((e) => `${e.tagName.toLowerCase()}.${e.className}: ${e.textContent?.slice(0, 40)}`);
          const breaking = Array.from(document.querySelectorAll('main th, main td, main dd, main li')).filter((e) => getComputedStyle(e).overflowWrap === 'anywhere' || getComputedStyle(e).wordBreak === 'break-all').length;
          return { outside, breaking, scrollWidth: document.documentElement.scrollWidth, width };
        });
        assert.deepEqual(layout.outside, [], `${paper}${landscape ? ', landscape' : ''}: elements outside the page`);
        assert.ok(layout.scrollWidth <= layout.width + 1, `${layout.scrollWidth} px of content on ${layout.width} px`);
        assert.equal(layout.breaking, 0, 'no cell may break a word anywhere');
        await page.close();

        const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' });
        assert.match(text, new RegExp(`page 1 of ${info.pages}`), 'each page is numbered');
        assert.match(text, /2026-03-18/, 'and dated');
        // Every page opens with the same running header (client · title, date) and ends with its number.
        const pages = Array.from({ length: info.pages }, (_, i) => execFileSync('pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), out, '-'], { encoding: 'utf8' }).split('\n').map((l) => l.trim().replace(/\s+/g, ' ')).filter(Boolean));
        const header = pages[0]![0]!;
        assert.match(header, /·.*2026-03-18$/, `the header names the client and title and the date: ${header}`);
        pages.forEach((lines, i) => {
          assert.equal(lines[0], header, `page ${i + 1} opens with the header`);
          assert.match(lines[lines.length - 1]!, new RegExp(`page ${i + 1} of ${info.pages}$`), `page ${i + 1} ends with its number`);
        });
        assert.doesNotMatch(text, /\bChecks\b/, "the findings are the team's, not the client's");
        execFileSync('pdftoppm', ['-png', '-r', '60', out, path.join(ARTIFACTS, `${name}-${paper}`)]);
        if (name === 'six-parties') assert.ok(landscape, 'six parties do not fit a portrait page: landscape');
      }
    });
  }

  it('says plainly when no browser can print, and writes nothing', () => {
    const out = path.join(scratch, 'none.pdf');
    const missing = cli(['render', engagements[0]!, '--format', 'pdf', '-o', out, '--browser', '/nonexistent/chrome']);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /--browser names \/nonexistent\/chrome, which is not a program here\./);
    assert.equal(fs.existsSync(out), false);
    const noOutput = cli(['render', engagements[0]!, '--format', 'pdf']);
    assert.equal(noOutput.status, 2);
    assert.match(noOutput.stderr, /a PDF goes to a file/);
  });
});
