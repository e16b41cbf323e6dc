/**
 * One stylesheet for the preview and the export. Colours come from VS Code's theme
 * variables when present (the preview follows light, dark and high-contrast themes) and
 * fall back to a light palette in an exported file. The print rules give clean pages.
 */
export const STYLES = `
:root {
  --ek-fg: var(--vscode-editor-foreground, #1f2328);
  --ek-bg: var(--vscode-editor-background, #ffffff);
  --ek-muted: var(--vscode-descriptionForeground, #656d76);
  --ek-border: var(--vscode-panel-border, #d0d7de);
  --ek-band: var(--vscode-editorWidget-background, #f6f8fa);
  --ek-accent: var(--vscode-textLink-foreground, #0969da);
  --ek-ok: var(--vscode-testing-iconPassed, #1a7f37);
  --ek-warn: var(--vscode-editorWarning-foreground, #9a6700);
  --ek-err: var(--vscode-editorError-foreground, #cf222e);
  /*
   * Status colours as text: a theme's warning yellow or passed green is made for icons and
   * falls below 4.5:1 on a light page (#bf8803 on white: 3.1). Mixed a third of the way
   * towards the text colour, they keep their hue and reach the contrast in light and dark.
   */
  --ek-ok-text: color-mix(in srgb, var(--ek-ok) 65%, var(--ek-fg));
  --ek-warn-text: color-mix(in srgb, var(--ek-warn) 65%, var(--ek-fg));
  --ek-err-text: color-mix(in srgb, var(--ek-err) 65%, var(--ek-fg));
  --ek-decide-bg: var(--vscode-button-background, #0969da);
  --ek-decide-fg: var(--vscode-button-foreground, #ffffff);
  --ek-highlight: var(--vscode-editor-selectionHighlightBackground, rgba(9, 105, 218, 0.12));
  --ek-font: var(--vscode-font-family, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif);
}
* { box-sizing: border-box; }
body { margin: 0; padding: 16px 24px 48px; color: var(--ek-fg); background: var(--ek-bg); font: 14px/1.5 var(--ek-font); }
h1 { font-size: 1.6em; margin: 0 0 4px; }
h2 { font-size: 1.15em; margin: 0 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--ek-border); }
h3 { font-size: 1em; margin: 8px 0 4px; }
small, .ek-muted { color: var(--ek-muted); }
.ek-section { margin-top: 24px; }
.ek-logo { float: right; max-height: 48px; max-width: 200px; margin: 0 0 8px 16px; }
.ek-problem { margin: 4px 0 12px; color: var(--ek-muted); max-width: 70em; }
.ek-facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 8px 16px; margin: 0; }
.ek-facts div { border-left: 3px solid var(--ek-border); padding-left: 8px; }
.ek-facts dt { font-size: 0.8em; color: var(--ek-muted); text-transform: uppercase; letter-spacing: 0.04em; }
.ek-facts dd { margin: 0; }
.ek-columns { display: grid; grid-template-columns: 1fr 1fr; gap: 24px; }
.ek-timeline { position: relative; border: 1px solid var(--ek-border); border-radius: 4px; overflow: hidden; }
.ek-row { display: grid; grid-template-columns: minmax(160px, 28%) 1fr; align-items: center; min-height: 24px; }
.ek-label { padding: 2px 8px; font-size: 0.85em; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.ek-label small { margin-left: 6px; }
.ek-label em { color: var(--ek-muted); }
.ek-track { position: relative; height: 22px; }
.ek-head { background: var(--ek-band); border-bottom: 1px solid var(--ek-border); }
.ek-weeks { height: 34px; }
.ek-week { position: absolute; top: 0; bottom: 0; border-left: 1px solid var(--ek-border); padding: 2px 4px; font-size: 0.75em; line-height: 1.2; overflow: hidden; white-space: nowrap; }
.ek-week small { display: block; }
.ek-rows { position: relative; padding: 4px 0; }
.ek-overlay { position: absolute; inset: 0; display: grid; grid-template-columns: minmax(160px, 28%) 1fr; pointer-events: none; }
.ek-overlay .ek-track { height: auto; }
.ek-gridline { position: absolute; top: 0; bottom: 0; border-left: 1px dotted var(--ek-border); }
.ek-phase-row { position: relative; padding: 2px 0 4px; border-bottom: 1px dashed var(--ek-border); }
.ek-phase-row:last-child { border-bottom: none; }
.ek-row[data-line], .ek-phase-row [data-line] { cursor: pointer; }
.ek-phase, .ek-activity { position: absolute; top: 3px; height: 16px; border-radius: 3px; }
.ek-phase { background: var(--ek-accent); }
.ek-kind-diagnostic { background: #6f42c1; }
.ek-kind-build { background: #0969da; }
.ek-kind-execute { background: #1a7f37; }
.ek-unplaced { position: absolute; top: 2px; left: 4px; font-size: 0.85em; font-style: italic; color: var(--ek-muted); }
.ek-activity { top: 6px; height: 10px; background: var(--ek-muted); opacity: 0.55; }
.ek-is-deliverable { background: var(--ek-accent); opacity: 1; }
.ek-deliverable { color: var(--ek-accent); }
.ek-goal { margin: 2px 8px; font-size: 0.85em; color: var(--ek-muted); display: flex; gap: 16px; flex-wrap: wrap; }
.ek-today { position: absolute; top: 0; bottom: 0; width: 0; border-left: 2px solid var(--ek-err); }
.ek-today span { position: absolute; top: 0; left: 3px; font-size: 0.7em; color: var(--ek-err-text); }
.ek-plan-items { display: grid; grid-template-columns: 1fr 1fr; gap: 24px; }
.ek-moves { color: var(--ek-muted); font-size: 0.85em; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--ek-border); vertical-align: middle; overflow-wrap: anywhere; }
.ek-facts dd, .ek-items li, .ek-reporting li, .ek-findings li, .ek-goal span { overflow-wrap: anywhere; }
thead th { white-space: nowrap; font-size: 0.8em; color: var(--ek-muted); text-transform: uppercase; letter-spacing: 0.04em; }
.ek-scroll { overflow-x: auto; }
.ek-scorecard th[scope="row"] { min-width: 12em; }
.ek-area th { background: var(--ek-band); text-transform: capitalize; }
.ek-level { text-align: center; font-size: 0.85em; white-space: nowrap; }
span.ek-level { display: inline-block; padding: 0 6px; border-radius: 3px; }
.ek-decide { background: var(--ek-decide-bg); color: var(--ek-decide-fg); font-weight: 700; }
/* High-contrast themes give buttons no fill: the decider's cell is framed instead. */
body.vscode-high-contrast .ek-decide, body.vscode-high-contrast-light .ek-decide { outline: 2px solid var(--vscode-contrastActiveBorder, var(--vscode-contrastBorder, currentColor)); outline-offset: -4px; }
.ek-approve { border: 2px solid var(--ek-accent); font-weight: 600; }
.ek-recommend { background: var(--ek-highlight); }
.ek-consult, .ek-inform, .ek-none { color: var(--ek-muted); }
.ek-limit { white-space: nowrap; }
.ek-legend { font-size: 0.85em; color: var(--ek-muted); }
/* A level's chip in the legend reads as the cells it explains: full colour, so it keeps its contrast on the chip's background. */
.ek-legend .ek-level:not(.ek-decide) { color: var(--ek-fg); }
.ek-type { display: block; color: var(--ek-muted); font-weight: normal; }
.ek-bar { width: 120px; height: 8px; background: var(--ek-band); border: 1px solid var(--ek-border); border-radius: 4px; overflow: hidden; }
.ek-bar span { display: block; height: 100%; background: var(--ek-accent); }
.ek-status { font-size: 0.85em; padding: 1px 6px; border-radius: 10px; border: 1px solid currentColor; white-space: nowrap; }
.ek-on-track, .ek-done { color: var(--ek-ok-text); }
.ek-at-risk { color: var(--ek-warn-text); }
.ek-off-track { color: var(--ek-err-text); }
.ek-no-data { color: var(--ek-muted); }
.ek-spark { color: var(--ek-accent); vertical-align: middle; }
.ek-findings, .ek-reporting { padding-left: 18px; }
.ek-finding { cursor: pointer; margin: 2px 0; }
.ek-sev { font-size: 0.75em; text-transform: uppercase; font-weight: 700; padding: 0 4px; border: 1px solid; border-left-width: 4px; border-radius: 2px; }
/* The severity's colour marks the badge's edge; its word keeps the text colour, which has the contrast a theme's warning yellow lacks on a light page. */
.ek-error .ek-sev { border-color: var(--ek-err); }
.ek-warning .ek-sev { border-color: var(--ek-warn); }
.ek-info .ek-sev { border-color: var(--ek-accent); }
.ek-ok { color: var(--ek-ok-text); }
.ek-banner { position: sticky; top: 0; z-index: 2; margin: -16px -24px 12px; padding: 8px 24px; background: var(--vscode-inputValidation-warningBackground, #fff8c5); border-bottom: 1px solid var(--ek-warn); }
.ek-active { outline: 2px solid var(--ek-accent); outline-offset: 1px; background: var(--ek-highlight); }
.ek-changed { box-shadow: inset 4px 0 0 var(--ek-err); }
[data-line] { scroll-margin-top: 48px; }
/* The preview's tab stops (its script makes every element with a source line one): a focus anyone can see. */
[data-line]:focus { outline: none; }
[data-line]:focus-visible { outline: 2px solid var(--vscode-focusBorder, #0969da); outline-offset: -2px; }
@media (max-width: 700px) { .ek-columns, .ek-plan-items { grid-template-columns: 1fr; } }
@media print {
  :root { --ek-fg: #000; --ek-bg: #fff; --ek-muted: #555; --ek-border: #bbb; --ek-band: #f2f2f2; }
  body { padding: 0; font-size: 10pt; }
  /* On paper nothing scrolls: tables take the page's width, words break only between words
     (a table grows to its longest word, and the page turns to landscape when that is wider),
     and column heads wrap. */
  .ek-scroll { overflow: visible; }
  th, td, .ek-facts dd, .ek-items li, .ek-reporting li, .ek-findings li, .ek-goal span { overflow-wrap: break-word; }
  thead th { white-space: normal; }
  .ek-matrix thead th { vertical-align: bottom; }
  .ek-level { white-space: nowrap; }
  h2, h3 { break-after: avoid; }
  .ek-section { break-inside: avoid-page; }
  tr, .ek-phase-row { break-inside: avoid; }
  .ek-phase, .ek-activity, .ek-decide, .ek-bar span, .ek-kind-diagnostic, .ek-kind-build, .ek-kind-execute, .ek-today { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .ek-banner { display: none; }
  @page { margin: 14mm; }
}
`;
