import { formatsFor } from './formats';
import type { Portfolio } from '../portfolioModel/portfolioTypes';
import { renderPortfolioHtml } from './portfolioHtml';
import { PORTFOLIO_STYLES } from './portfolioStyles';
import { standalonePage } from './standalonePage';

/** The portfolio as one self-contained page for a partners' meeting: no script, nothing fetched. */
export function renderPortfolioPage(portfolio: Portfolio, options: { readonly locale?: string } = {}): string {
  return standalonePage(`Portfolio on ${formatsFor(options.locale, 'USD').date(portfolio.today)}`, renderPortfolioHtml(portfolio, { interactive: false, ...options }), PORTFOLIO_STYLES);
}
