import { esc } from '../core/render/escape';
import type { RunningHead } from '../core/service/documentOutputs';

export type Paper = 'a4' | 'letter';
export type Orientation = 'auto' | 'portrait' | 'landscape';

/** Page widths in millimetres, and the margin every side of a page gets. */
const PAPER_MM: Readonly<Record<Paper, { width: number; height: number }>> = { a4: { width: 210, height: 297 }, letter: { width: 215.9, height: 279.4 } };
const MARGIN_MM = 14;
const PX_PER_MM = 96 / 25.4;

export interface PrintOptions {
  readonly browser: string;
  readonly paper: Paper;
  readonly orientation: Orientation;
  /** What each page's header says: the client, the title, the date (the footer numbers the pages). */
  readonly running: RunningHead;
}

/** The width a page leaves for content, in CSS pixels. */
export function contentWidthPx(paper: Paper, landscape: boolean): number {
  const size = PAPER_MM[paper];
  return ((landscape ? size.height : size.width) - 2 * MARGIN_MM) * PX_PER_MM;
}

/**
 * Prints a self-contained page to PDF through an installed Chrome, Chromium or Edge
 * (`playwright-core` drives it; nothing is downloaded). With `auto`, the page is laid out
 * at the portrait width first and turned to landscape when something is wider (a matrix of
 * many parties). Each page has a header with the client, the title and the date, and a
 * footer with its number.
 */
export async function printPdf(html: string, options: PrintOptions): Promise<{ pdf: Buffer; landscape: boolean }> {
  // Loaded here, not at start: the other commands never need it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a dependency of the command line, loaded when a PDF is asked for
  const { chromium } = require('playwright-core') as typeof import('playwright-core');
  const browser = await chromium.launch({ executablePath: options.browser, args: ['--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  try {
    const page = await browser.newPage();
    await page.emulateMedia({ media: 'print' });
    let landscape = options.orientation === 'landscape';
    await page.setViewportSize({ width: Math.floor(contentWidthPx(options.paper, landscape)), height: 1000 });
    await page.setContent(html, { waitUntil: 'load' });
    if (options.orientation === 'auto') {
      const wide = await page.evaluate((width) => document.documentElement.scrollWidth > width + 1, Math.floor(contentWidthPx(options.paper, false)));
      if (wide) {
        landscape = true;
        await page.setViewportSize({ width: Math.floor(contentWidthPx(options.paper, true)), height: 1000 });
      }
    }
    const { client, title, date } = options.running;
    const band = `font: 8px sans-serif; color: #555; width: 100%; margin: 0 ${MARGIN_MM}mm; display: flex; justify-content: space-between; gap: 12px`;
    const headerTemplate = `<div style="${band}"><span>${esc([client, title].filter(Boolean).join(' · '))}</span><span>${esc(date)}</span></div>`;
    const footerTemplate = `<div style="${band}"><span>${esc(client)}</span><span>page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`;
    const pdf = await page.pdf({
      format: options.paper === 'a4' ? 'A4' : 'Letter',
      landscape,
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate,
      footerTemplate,
      margin: { top: `${MARGIN_MM + 4}mm`, right: `${MARGIN_MM}mm`, bottom: `${MARGIN_MM + 4}mm`, left: `${MARGIN_MM}mm` },
    });
    return { pdf, landscape };
  } finally {
    await browser.close();
  }
}
