import { writtenButInvalid, type Rule } from './rule';

const CRITERIA = [
  { key: 'financialImpact', name: 'financial-impact' },
  { key: 'capabilityBuilding', name: 'capability-building' },
  { key: 'strategicClarity', name: 'strategic-clarity' },
] as const;

export const reviewCriteria: Rule = {
  id: 'review-criteria',
  defaultSeverity: 'info',
  docs: {
    summary: 'A quarterly review lacks one of the three scores: `financial-impact`, `capability-building`, `strategic-clarity`.',
    rationale: 'Judging an engagement on money alone, or on feel alone, misses whether the team got stronger and the strategy clearer. The quarterly assessment weighs all three.',
    fix: 'Score each of the three criteria from 1 to 5 under the review\'s `scores`.',
  },
  check({ model, report }) {
    for (const review of model.reviews) {
      if (review.kind !== 'quarterly') continue;
      const missing = CRITERIA.filter((c) => review.scores[c.key] === undefined && !writtenButInvalid(model, [...review.path, 'scores', c.name])).map((c) => `\`${c.name}\``);
      if (missing.length === 0) continue;
      report(review.hasScores ? [...review.path, 'scores'] : [...review.path, 'kind'], `This quarterly review has no score for ${missing.join(', ')}: score ${missing.length === 1 ? 'it' : 'each'} from 1 to 5 under \`scores\`.`, { part: review.hasScores ? 'key' : 'value' });
    }
  },
};
