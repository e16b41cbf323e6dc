import { outline, type Analysis, type AnalyzeOptions } from './analyze';
import { planDays, type PhaseName, type PlanDays } from './calendar';
import { kpiFacts, type KpiFacts } from './kpiStatus';
import { parseDay, type Day } from './model/dates';
import type { Engagement, Schedule } from './model/engagement';
import type { PortfolioInput, PortfolioModel } from './portfolio';
import type { TextRange } from './types';
import { pointerOf } from './yaml/sourceMap';

/** What a card keeps of the model: the portfolio rule's fields, the first line of a list, the term. */
export type CardModel = PortfolioModel & Pick<Engagement, 'title' | 'client' | 'term'>;

/** 0-based lines where the parts of an engagement a list links to are written. */
export interface CardLines {
  readonly id?: number;
  readonly term?: number;
  readonly commitment?: number;
  readonly plan?: number;
  readonly kpis?: number;
  readonly reviews?: number;
}

/**
 * An engagement reduced to what a list of many needs before any one of them is opened: the
 * portfolio rule's inputs, and what a list shows on its line (title, client, role, status,
 * where the plan is). Plain data of a few hundred bytes, where the model is several
 * kilobytes: a thread can hand over a thousand of them cheaply, and the full model is
 * read from the text when someone looks inside.
 */
export interface EngagementCard {
  /** Undefined when the text has no readable engagement. */
  readonly model: CardModel | undefined;
  readonly schedule: Schedule | undefined;
  readonly plan: PlanDays<PhaseName> | undefined;
  /** Where `commitment` is written: the portfolio rule reports there. */
  readonly commitmentKey: TextRange;
  /** Where the engagement's `id` is written: a workspace with two files of one id is reported there. */
  readonly idValue: TextRange;
  readonly syntaxBroken: boolean;
  /** What each KPI's status is judged from, so that a list can tell it on any day. */
  readonly kpis: readonly KpiFacts[];
  /** The days of the quarterly reviews, in the order written. */
  readonly quarterlyReviews: readonly Day[];
  readonly lines: CardLines;
}

/** The card of an analysis (or an outline). */
export function cardOf(analysis: Pick<Analysis, 'model' | 'schedule' | 'sourceMap' | 'syntaxBroken' | 'lines'>): EngagementCard {
  const model = analysis.model;
  const plan = model && planDays(model);
  const lineOf = (key: string): number | undefined => {
    const location = analysis.sourceMap.exact(pointerOf([key]));
    const offset = location?.key?.start ?? location?.value.start;
    return offset === undefined ? undefined : analysis.lines.positionAt(offset).line;
  };
  const quarterlyReviews: Day[] = [];
  for (const review of model?.reviews ?? []) {
    const day = review.kind === 'quarterly' ? parseDay(review.date) : undefined;
    if (day !== undefined) quarterlyReviews.push(day);
  }
  return {
    model: model && { id: model.id, title: model.title, status: model.status, client: model.client, executive: model.executive, commitment: model.commitment, term: model.term },
    schedule: analysis.schedule,
    plan: plan && { start: plan.start, days: plan.days, phases: plan.phases.map(({ phase, firstDay, lastDay }) => ({ phase: { id: phase.id, name: phase.name }, firstDay, lastDay })) },
    commitmentKey: analysis.sourceMap.rangeOf(pointerOf(['commitment']), 'key'),
    idValue: analysis.sourceMap.rangeOf(pointerOf(['id']), 'value'),
    syntaxBroken: analysis.syntaxBroken,
    kpis: model && analysis.schedule ? model.kpis.map((kpi) => kpiFacts(kpi, analysis.schedule!)) : [],
    quarterlyReviews,
    lines: { id: lineOf('id'), term: lineOf('term'), commitment: lineOf('commitment'), plan: lineOf('plan'), kpis: lineOf('kpis'), reviews: lineOf('reviews') },
  };
}

/**
 * The card of a text, read as an outline that builds of the model only what a card keeps:
 * what a workspace scan needs of each file, in about two thirds of an outline's time.
 */
export function readCard(text: string, options: Pick<AnalyzeOptions, 'today' | 'fullParser'> = {}): EngagementCard {
  return cardOf(outline(text, { ...options, forCard: true }));
}

/** A card as the workspace rules read it: the two places they report at are all of its source map they need. */
export function portfolioInputOf(card: EngagementCard): PortfolioInput {
  return { model: card.model, schedule: card.schedule, sourceMap: { rangeOf: (pointer) => (pointer === '/id' ? card.idValue : card.commitmentKey) } };
}
