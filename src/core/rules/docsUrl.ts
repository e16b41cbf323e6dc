/** Where each rule's page lives; the editor links diagnostics there and SARIF names it. */
export const HOMEPAGE = 'https://github.com/engagement-kit/engagement-kit';

export function ruleDocsUrl(ruleId: string): string {
  return `${HOMEPAGE}/blob/main/docs/rules/${ruleId}.md`;
}
