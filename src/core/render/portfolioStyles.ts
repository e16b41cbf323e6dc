/**
 * The portfolio page's own styles, over the common ones (styles.ts). Segment colours are
 * the theme's chart colours in the editor and a palette that keeps 3:1 against white on a
 * static page; proposed load is hatched, so it reads without colour too.
 */
/** The page's class: `ek-live` marks the editor's page, whose items open files. */
export function portfolioMainClass(interactive: boolean): string {
  return `ek-portfolio${interactive ? ' ek-live' : ''}`;
}

export const PORTFOLIO_STYLES = `
.ek-portfolio { max-width: 1400px; }
.ek-filters { display: flex; flex-wrap: wrap; gap: 8px 16px; margin-top: 12px; }
.ek-filters label { font-size: 0.85em; color: var(--ek-muted); display: flex; align-items: center; gap: 6px; }
.ek-filters select { font: inherit; color: var(--vscode-dropdown-foreground, var(--ek-fg)); background: var(--vscode-dropdown-background, var(--ek-bg)); border: 1px solid var(--vscode-dropdown-border, var(--ek-border)); padding: 2px 4px; }
.ek-open { font: inherit; color: var(--ek-accent); background: none; border: none; padding: 0; cursor: pointer; text-align: left; text-decoration: underline; text-underline-offset: 2px; }
.ek-open:focus-visible, .ek-filters select:focus-visible { outline: 2px solid var(--vscode-focusBorder, var(--ek-accent)); outline-offset: 2px; }
.ek-where { white-space: nowrap; }
.ek-exec { margin: 16px 0 24px; }
/* A thousand engagements make a long page: what is off screen is not laid out until it nears the view. */
.ek-live .ek-exec { content-visibility: auto; contain-intrinsic-size: auto 240px; }
.ek-live #timeline, .ek-live #due, .ek-live #kpis { content-visibility: auto; contain-intrinsic-size: auto 1200px; }
.ek-exec h3 small { font-weight: normal; margin-left: 6px; }
.ek-exec-summary { margin: 0 0 6px; font-size: 0.9em; }
.ek-chart { max-width: 900px; }
.ek-cols { position: relative; display: flex; align-items: flex-end; gap: 3px; height: 120px; border-bottom: 1px solid var(--ek-border); }
.ek-col { position: relative; flex: 1; height: 100%; display: flex; flex-direction: column; justify-content: flex-end; }
.ek-col.ek-current { background: var(--ek-highlight); }
.ek-stack { display: flex; flex-direction: column-reverse; height: 100%; justify-content: flex-start; }
.ek-seg { width: 100%; min-height: 1px; border-top: 1px solid var(--ek-bg); }
.ek-live .ek-seg { cursor: pointer; }
.ek-over .ek-stack { box-shadow: 0 -3px 0 var(--ek-err); }
.ek-over::after { content: "!"; position: absolute; top: -2px; left: 0; right: 0; text-align: center; color: var(--ek-err-text); font-weight: 700; }
.ek-over-if .ek-stack { box-shadow: 0 -3px 0 var(--ek-warn); }
.ek-cap { position: absolute; left: 0; right: 0; height: 0; border-top: 2px dashed var(--ek-fg); pointer-events: none; }
.ek-week-labels { display: flex; gap: 3px; font-size: 0.7em; color: var(--ek-muted); }
.ek-week-labels span { flex: 1; text-align: center; white-space: nowrap; overflow: visible; }
.ek-week-labels .ek-current { color: var(--ek-fg); font-weight: 700; }
.ek-segments { list-style: none; padding: 0; margin: 6px 0 0; display: flex; flex-wrap: wrap; gap: 4px 18px; font-size: 0.9em; }
.ek-swatch { display: inline-block; width: 10px; height: 10px; margin-right: 6px; border-radius: 2px; vertical-align: baseline; }
.ek-c0 { background: var(--vscode-charts-blue, #0969da); }
.ek-c1 { background: var(--vscode-charts-orange, #bc4c00); }
.ek-c2 { background: var(--vscode-charts-green, #1a7f37); }
.ek-c3 { background: var(--vscode-charts-purple, #8250df); }
.ek-c4 { background: var(--vscode-charts-red, #cf222e); }
.ek-c5 { background: var(--vscode-charts-yellow, #9a6700); }
.ek-c6 { background: #1b7c83; }
.ek-c7 { background: #6e7781; }
.ek-tentative { background-image: repeating-linear-gradient(45deg, transparent 0 3px, var(--ek-bg) 3px 6px); opacity: 0.8; }
.ek-term { position: absolute; top: 4px; height: 14px; border-radius: 3px; background: var(--ek-band); border: 1px solid var(--ek-accent); }
.ek-status-proposed, .ek-status-draft { border-style: dashed; }
.ek-status-paused, .ek-status-completed, .ek-status-ended { border-color: var(--ek-muted); }
.ek-cut-start { border-left-style: dotted; border-top-left-radius: 0; border-bottom-left-radius: 0; }
.ek-cut-end { border-right-style: dotted; border-top-right-radius: 0; border-bottom-right-radius: 0; }
.ek-phase-band { position: absolute; top: 8px; height: 6px; background: var(--ek-accent); opacity: 0.7; border-right: 1px solid var(--ek-bg); pointer-events: none; }
.ek-portfolio .ek-row { grid-template-columns: minmax(200px, 32%) 1fr; }
.ek-portfolio .ek-overlay { grid-template-columns: minmax(200px, 32%) 1fr; }
.ek-portfolio .ek-weeks { height: 22px; }
.ek-date { white-space: nowrap; }
/* Words break between words here: a name or a status is never split ("Propos ed"). */
.ek-portfolio th, .ek-portfolio td { overflow-wrap: break-word; }
.ek-num { text-align: right; font-variant-numeric: tabular-nums; }
.ek-rollup .ek-total th, .ek-rollup .ek-total td { font-weight: 700; border-top: 2px solid var(--ek-border); }
caption.ek-legend { text-align: left; caption-side: top; padding: 0 0 4px; }
@media print { .ek-filters { display: none; } .ek-exec { break-inside: avoid; } .ek-seg, .ek-swatch, .ek-term, .ek-phase-band { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
`;
