// Writes docs/rules/<id>.md for every rule, the rule table in README.md, the snippets, and
// docs/changes/: a page per change kind of the semantic diff and their index.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CHANGE_KINDS, type ChangeKind } from '../src/core/diff/changeKinds';
import { RULE_CATALOG } from '../src/core/rules';
import { changeIndex, changePage } from './changeDocs';
import { readmeWithTable, rulePage } from './ruleDocs';
import { snippetsJson } from './snippets';

const root = process.cwd();
const folder = path.join(root, 'docs', 'rules');
fs.mkdirSync(folder, { recursive: true });
for (const rule of RULE_CATALOG) fs.writeFileSync(path.join(folder, `${rule.id}.md`), rulePage(rule));
const readme = path.join(root, 'README.md');
fs.writeFileSync(readme, readmeWithTable(fs.readFileSync(readme, 'utf8')));
fs.writeFileSync(path.join(root, 'snippets', 'engagement.code-snippets'), snippetsJson());
const changes = path.join(root, 'docs', 'changes');
fs.mkdirSync(changes, { recursive: true });
for (const kind of Object.keys(CHANGE_KINDS) as ChangeKind[]) fs.writeFileSync(path.join(changes, `${kind}.md`), changePage(kind));
fs.writeFileSync(path.join(changes, 'README.md'), changeIndex());
process.stdout.write(`Wrote ${RULE_CATALOG.length} rule pages, the README rule table, the snippets and the change kinds' pages.\n`);
