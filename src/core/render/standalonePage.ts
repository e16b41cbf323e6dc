import { esc } from './escape';
import { STYLES } from './styles';

/**
 * A page that stands alone, as a file a client or a partner opens: the product's styles
 * inline, a policy that allows nothing else (no script, nothing fetched; images only as
 * data), and `body`, whose values the caller has escaped.
 */
export function standalonePage(title: string, body: string, extraStyles = ''): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Engagement Kit">
<title>${esc(title)}</title>
<style>${STYLES}${extraStyles}</style>
</head>
<body>
${body}
</body>
</html>
`;
}
