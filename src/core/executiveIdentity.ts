/**
 * How an executive is recognised across files and settings: an e-mail or a name, trimmed,
 * lower-case, with single spaces. The portfolio rule, the portfolio and the capacity in
 * `.engagementrc.yaml` all compare through this.
 */
export function normalizeWho(who: string): string {
  return who.trim().toLowerCase().replace(/\s+/g, ' ');
}
