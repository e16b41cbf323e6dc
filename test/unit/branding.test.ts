import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseConfig } from '../../src/core/config/engagementConfig';
import { logoDataUri, MAX_LOGO_BYTES, sanitizeSvg } from '../../src/core/render/branding';
import { run, workspace } from './cliHelpers';
import { BASE } from './helpers';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201e2e3a7c90000000049454e44ae426082', 'hex');
const HOSTILE_SVG = `<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10" onload="alert(1)">
  <title>Acme &amp; Co</title>
  <script>alert(2)</script>
  <style>rect { fill: url(https://evil.example/x) }</style>
  <foreignObject><div xmlns="http://www.w3.org/1999/xhtml">hi</div></foreignObject>
  <image href="https://evil.example/pixel.png" width="10" height="10"/>
  <a href="javascript:alert(3)"><rect width="5" height="5"/></a>
  <use xlink:href="https://evil.example/sprite.svg#x"/>
  <linearGradient id="g"><stop offset="0" stop-color="#0b5394"/></linearGradient>
  <rect x="1" y="1" width="8" height="8" fill="url(#g)" stroke="url(https://evil.example/p)" onclick="alert(4)"/>
  <path d="M0 0 L10 10" style="fill: red"/>
</svg>`;

describe('the consultancy\'s look on exports', () => {
  it('keeps an SVG logo to plain shapes: no script, handler, link, style, embedded page or outside reference', () => {
    const result = sanitizeSvg(HOSTILE_SVG);
    assert.ok('svg' in result);
    assert.equal(
      result.svg,
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>Acme &amp; Co</title><linearGradient id="g"><stop offset="0" stop-color="#0b5394"/></linearGradient><rect x="1" y="1" width="8" height="8" fill="url(#g)"/><path d="M0 0 L10 10"/></svg>',
    );
    assert.deepEqual(sanitizeSvg('<!DOCTYPE svg [<!ENTITY x "y">]><svg/>'), { problem: 'the SVG logo declares a document type or entities; save it as plain SVG.' });
    assert.ok('problem' in sanitizeSvg('<rect width="1"/>'), 'an SVG must be an <svg>');
  });

  it('takes a PNG or JPEG only when its bytes say so, and never a large one', () => {
    assert.match((logoDataUri(PNG, 'logo.png') as { uri: string }).uri, /^data:image\/png;base64,iVBORw0KGgo/);
    assert.deepEqual(logoDataUri(PNG, 'logo.jpg'), { problem: "the logo's content is not a JPEG image." });
    assert.deepEqual(logoDataUri(Buffer.from('<svg/>'), 'logo.gif'), { problem: 'the logo must be a PNG, JPEG or SVG file (.png, .jpg, .jpeg, .svg).' });
    assert.ok('problem' in logoDataUri(Buffer.alloc(MAX_LOGO_BYTES + 1), 'logo.png'));
    assert.match((logoDataUri(Buffer.from(HOSTILE_SVG), 'logo.svg') as { uri: string }).uri, /^data:image\/svg\+xml;base64,/);
  });

  it('reads export settings, each problem where it is written', () => {
    assert.deepEqual(parseConfig('export:\n  logo: brand/logo.svg\n  accent: "#0b5394"\n').export, { logo: 'brand/logo.svg', accent: '#0b5394' });
    const text = 'export:\n  logo: https://evil.example/logo.png\n  accent: red\n  colour: "#fff"\n';
    assert.deepEqual(
      parseConfig(text).findings.map((f) => text.slice(f.range.start, f.range.end)),
      ['https://evil.example/logo.png', 'red', 'colour'],
    );
  });

  it('puts the logo and the accent on the exported page and the PDF\'s HTML, as data, and says when the logo cannot be read', () => {
    const dir = workspace({ 'acme.engagement.yaml': BASE, 'brand/logo.png': PNG, '.engagementrc.yaml': 'export:\n  logo: brand/logo.png\n  accent: "#0b5394"\n' });
    const page = run(['render', 'acme.engagement.yaml', '--today', '2026-03-04'], dir);
    assert.equal(page.code, 0, page.stderr);
    assert.match(page.stdout, /<img class="ek-logo" src="data:image\/png;base64,iVBORw0KGgo[^"]*" alt="Logo">/);
    assert.match(page.stdout, /:root \{ --ek-accent: #0b5394; --ek-decide-bg: #0b5394; \}/);
    assert.match(page.stdout, /default-src 'none'; style-src 'unsafe-inline'; img-src data:/, 'the policy allows images only as data');
    fs.rmSync(path.join(dir, 'brand', 'logo.png'));
    const missing = run(['render', 'acme.engagement.yaml', '-o', 'out.html'], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /brand\/logo\.png \(export\.logo in \.engagementrc\.yaml\): /);
    assert.equal(fs.existsSync(path.join(dir, 'out.html')), false, 'nothing written');
    const markdown = run(['render', 'acme.engagement.yaml', '--format', 'md'], dir);
    assert.equal(markdown.code, 0, 'Markdown has no logo to read');
  });
});
