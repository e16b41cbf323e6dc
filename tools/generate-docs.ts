// Writes docs/rules/<id>.md for every rule, the rule table in README.md, and the snippets.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULE_CATALOG } from '../src/core/rules';
import { readmeWithTable, rulePage } from './ruleDocs';
import { snippetsJson } from './snippets';

const root = process.cwd();
const folder = path.join(root, 'docs', 'rules');
fs.mkdirSync(folder, { recursive: true });
for (const rule of RULE_CATALOG) fs.writeFileSync(path.join(folder, `${rule.id}.md`), rulePage(rule));
const readme = path.join(root, 'README.md');
fs.writeFileSync(readme, readmeWithTable(fs.readFileSync(readme, 'utf8')));
fs.writeFileSync(path.join(root, 'snippets', 'engagement.code-snippets'), snippetsJson());
process.stdout.write(`Wrote ${RULE_CATALOG.length} rule pages, the README rule table and the snippets.\n`);
