import { definitionsAt, hoverAt, renderBody, idRange, outlineOf, quickFixesFor, referencesAt, renameAt, renameTargetAt, type Analysis, type HoverInfo, type OutlineEntry, type QuickFix, type RenameResult, type RenameTarget, type TextRange } from '../../core';
import type { AnalysisSummary } from './scanProtocol';

/** A diagnostic as the editor shows it: enough to find the finding it was made from. */
export interface ShownFinding {
  readonly ruleId: string;
  readonly start: number;
  readonly end: number;
  readonly message: string;
}

/**
 * What the editor asks of one version of an open document. Answered by the scan thread
 * from its analysis of that version, or on the host when there is no thread: the same
 * function (`answerQuery`) either way, so the two cannot differ.
 */
export type DocumentQuery =
  | { readonly kind: 'summary' }
  | { readonly kind: 'symbols' }
  | { readonly kind: 'hover'; readonly offset: number }
  | { readonly kind: 'definitions'; readonly offset: number }
  | { readonly kind: 'references'; readonly offset: number; readonly includeDeclaration: boolean }
  | { readonly kind: 'renameTarget'; readonly offset: number }
  | { readonly kind: 'rename'; readonly offset: number; readonly newName: string }
  | { readonly kind: 'quickFixes'; readonly shown: readonly ShownFinding[] }
  | { readonly kind: 'preview' };

/** The answer to each kind of query: plain data, cheap to pass between threads. */
export interface DocumentAnswers {
  summary: AnalysisSummary;
  symbols: OutlineEntry[];
  hover: HoverInfo | undefined;
  /** Id ranges, quotes left out. */
  definitions: TextRange[];
  references: TextRange[];
  renameTarget: RenameTarget;
  rename: RenameResult;
  /** Fixes for each shown finding that is still a finding of this version (`index` into `shown`). */
  quickFixes: { index: number; fixes: QuickFix[] }[];
  /** The preview's body; from the last version that parsed when this one does not. */
  preview: { html: string; fromLastGood: boolean };
}

export type AnswerTo<Q extends DocumentQuery> = DocumentAnswers[Q['kind']];

/** An analysis as plain data: what closed files and the views need, without the full source map. */
export function summaryOf(analysis: Analysis): AnalysisSummary {
  const { model, findings, schedule, today, syntaxBroken } = analysis;
  return { model, findings, schedule, today, syntaxBroken, sourceMap: analysis.sourceMap.topLevelSummary() };
}

/**
 * Answers from the analysis of one version and its text. `lastGood` is the latest analysis of
 * the document whose text parsed (this one, if it did): the preview keeps showing it.
 */
export function answerQuery<Q extends DocumentQuery>(query: Q, analysis: Analysis, text: string, lastGood: Analysis | undefined): AnswerTo<Q> {
  return answer(query, analysis, text, lastGood) as AnswerTo<Q>;
}

function answer(query: DocumentQuery, analysis: Analysis, text: string, lastGood: Analysis | undefined): DocumentAnswers[keyof DocumentAnswers] {
  switch (query.kind) {
    case 'summary':
      return summaryOf(analysis);
    case 'symbols':
      return outlineOf(analysis);
    case 'hover':
      return hoverAt(analysis, query.offset);
    case 'definitions':
      return definitionsAt(analysis, query.offset).map((d) => idRange(text, d.range));
    case 'references':
      return referencesAt(analysis, query.offset, query.includeDeclaration).map((r) => idRange(text, r.range));
    case 'renameTarget':
      return renameTargetAt(analysis, text, query.offset);
    case 'rename':
      return renameAt(analysis, text, query.offset, query.newName);
    case 'quickFixes':
      return query.shown.flatMap((shown, index) => {
        // A diagnostic from an older version of the text matches no finding, and gets no fix.
        const finding = analysis.findings.find((f) => f.ruleId === shown.ruleId && f.range.start === shown.start && f.range.end === shown.end && f.message === shown.message);
        return finding ? [{ index, fixes: quickFixesFor(analysis, text, finding) }] : [];
      });
    case 'preview': {
      const shown = analysis.model && !analysis.syntaxBroken ? analysis : (lastGood ?? analysis);
      return { html: renderBody(shown, { today: analysis.today, inlineStyles: false, includeChecks: true }), fromLastGood: shown !== analysis };
    }
  }
}
