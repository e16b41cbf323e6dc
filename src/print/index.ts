/**
 * What the desktop extension loads to print a PDF (`dist/printPdf.js`, required only then):
 * finding a browser, and printing through it. The command line imports the two directly.
 */
export { findBrowser } from './findBrowser';
export { printPdf, type Orientation, type Paper, type PrintOptions } from './printPdf';
