/**
 * The consultancy's look on what it sends: a logo and an accent colour from
 * `.engagementrc.yaml` (`export: { logo, accent }`). The logo goes into the page as data,
 * never fetched: a PNG or JPEG as it is (its first bytes must say so), an SVG rebuilt from
 * plain shapes only, so that nothing in it can run, fetch or refer outside itself.
 */

/** The most bytes a logo may have: a logo, not a photograph. */
export const MAX_LOGO_BYTES = 200 * 1024;

/** What the page shows of the brand: the logo as a data URI, and the accent as `#rrggbb`. */
export interface Brand {
  readonly logo?: string;
  readonly accent?: string;
}

export const ACCENT = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;

const SIGNATURES: readonly { type: string; bytes: readonly number[] }[] = [
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
];

/** A logo file as a data URI, or why it cannot be one. The name's extension says which kind it should be. */
export function logoDataUri(bytes: Uint8Array, name: string): { uri: string } | { problem: string } {
  if (bytes.length > MAX_LOGO_BYTES) return { problem: `the logo is ${Math.ceil(bytes.length / 1024)} KB; at most ${MAX_LOGO_BYTES / 1024} KB, please.` };
  const extension = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (extension === 'svg') {
    const svg = sanitizeSvg(new TextDecoder('utf-8', { fatal: false }).decode(bytes));
    return 'problem' in svg ? svg : { uri: `data:image/svg+xml;base64,${base64(new TextEncoder().encode(svg.svg))}` };
  }
  const wanted = extension === 'png' ? 'image/png' : extension === 'jpg' || extension === 'jpeg' ? 'image/jpeg' : undefined;
  if (!wanted) return { problem: 'the logo must be a PNG, JPEG or SVG file (.png, .jpg, .jpeg, .svg).' };
  const signature = SIGNATURES.find((s) => s.type === wanted)!;
  if (!signature.bytes.every((b, i) => bytes[i] === b)) return { problem: `the logo's content is not a ${wanted === 'image/png' ? 'PNG' : 'JPEG'} image.` };
  return { uri: `data:${wanted};base64,${base64(bytes)}` };
}

/** The elements of plain shapes an SVG logo may use, and the attributes they may carry. */
const ELEMENTS = new Set(['svg', 'g', 'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'title', 'defs', 'lineargradient', 'radialgradient', 'stop']);
const ATTRIBUTES = new Set([
  'viewbox', 'width', 'height', 'x', 'y', 'x1', 'y1', 'x2', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'fx', 'fy', 'd', 'points', 'fill', 'stroke', 'stroke-width',
  'stroke-linecap', 'stroke-linejoin', 'stroke-miterlimit', 'opacity', 'fill-opacity', 'stroke-opacity', 'fill-rule', 'clip-rule', 'transform', 'id', 'offset',
  'stop-color', 'stop-opacity', 'gradientunits', 'gradienttransform', 'preserveaspectratio',
]);
/** Characters an attribute value of a shape needs, and no more: no quotes, brackets or entities. */
const SAFE_VALUE = /^[\w\s#.,%+\-/:;()]*$/;

/**
 * An SVG rebuilt from its allowed elements and attributes: everything else (script,
 * foreignObject, image, use, style, links, event handlers, external references) is left
 * out with its content, and a document type or entity is refused outright.
 */
export function sanitizeSvg(text: string): { svg: string } | { problem: string } {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) return { problem: 'the SVG logo declares a document type or entities; save it as plain SVG.' };
  const source = text.replace(/<!--[^]*?-->|<\?[^]*?\?>|<!\[CDATA\[[^]*?\]\]>/g, '');
  const out: string[] = [];
  /** Depth inside an element that is left out: its content goes with it. */
  let skipping = 0;
  const open: string[] = [];
  const tag = /<(\/?)([a-zA-Z][\w:.-]*)((?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'))?)*)\s*(\/?)>|([^<]+)|(<)/g;
  for (let m = tag.exec(source); m; m = tag.exec(source)) {
    const [, closing, rawName, rawAttributes, selfClosing, textPart, stray] = m;
    if (stray) return { problem: 'the SVG logo is not well-formed.' };
    if (textPart !== undefined) {
      if (skipping === 0 && open[open.length - 1] === 'title') out.push(escapeXml(textPart));
      continue;
    }
    const name = rawName!.toLowerCase();
    const allowed = ELEMENTS.has(name) && skipping === 0;
    if (closing) {
      if (skipping > 0) skipping--;
      else if (open[open.length - 1] === name) {
        open.pop();
        out.push(`</${canonical(name)}>`);
      }
      continue;
    }
    if (!allowed) {
      if (!selfClosing) skipping++;
      continue;
    }
    const attributes: string[] = [];
    for (const a of rawAttributes!.matchAll(/([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'))?/g)) {
      const attribute = a[1]!.toLowerCase();
      const value = a[2] ?? a[3] ?? '';
      if (!ATTRIBUTES.has(attribute) || !SAFE_VALUE.test(value)) continue;
      // A paint server inside the file is fine; anything else a URL could name is not.
      if (/url\(/i.test(value) && !/^url\(#[\w-]+\)$/.test(value.trim())) continue;
      attributes.push(` ${canonical(attribute)}="${value}"`);
    }
    if (name === 'svg' && out.length === 0) attributes.unshift(' xmlns="http://www.w3.org/2000/svg"');
    out.push(`<${canonical(name)}${attributes.join('')}${selfClosing ? '/' : ''}>`);
    if (!selfClosing) open.push(name);
  }
  if (!out[0]?.startsWith('<svg')) return { problem: 'the SVG logo has no <svg> element at its root.' };
  while (open.length) out.push(`</${canonical(open.pop()!)}>`);
  return { svg: out.join('') };
}

/** SVG's mixed-case names, from their lower-case form. */
function canonical(name: string): string {
  return { viewbox: 'viewBox', lineargradient: 'linearGradient', radialgradient: 'radialGradient', gradientunits: 'gradientUnits', gradienttransform: 'gradientTransform', preserveaspectratio: 'preserveAspectRatio' }[name] ?? name;
}

function escapeXml(text: string): string {
  return text.replace(/&(?!(?:amp|lt|gt|quot|apos);)/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The accent over the page's own: links, phases, bars and the decider's cells take it. */
export function brandStyles(brand: Brand | undefined): string {
  return brand?.accent && ACCENT.test(brand.accent) ? `:root { --ek-accent: ${brand.accent}; --ek-decide-bg: ${brand.accent}; }` : '';
}
