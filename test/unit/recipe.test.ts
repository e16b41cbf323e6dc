import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CLI, run, workspace } from './cliHelpers';
import { BASE, edit, ROOT } from './helpers';

/** The `engagement diff` lines of the README's pull-request recipe, as a shell would split them. */
function recipeCommands(): string[][] {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const recipe = readme.slice(readme.indexOf('**A pull-request comment**'));
  const block = recipe.slice(recipe.indexOf('```yaml'), recipe.indexOf('```', recipe.indexOf('```yaml') + 7));
  return [...block.matchAll(/- run: node dist\/cli\.js (diff [^>\n]*?)(?: > \S+)?\n/g)].map((m) => m[1]!.trim().split(/\s+/).map((word) => word.replace(/^"(.*)"$/, '$1')));
}

describe("the README's pull-request recipe", function () {
  this.timeout(60_000);

  it('gives a Markdown comment of the changes of terms, and fails the check on a breaking one', () => {
    const commands = recipeCommands();
    assert.equal(commands.length, 2, JSON.stringify(commands));
    // A remote with the base branch, and a clone on the pull request's branch, as Actions checks out.
    const origin = workspace({ 'acme.engagement.yaml': BASE });
    const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: origin, GIT_AUTHOR_NAME: 'Ann', GIT_AUTHOR_EMAIL: 'ann@example.com', GIT_COMMITTER_NAME: 'Ann', GIT_COMMITTER_EMAIL: 'ann@example.com' };
    const git = (cwd: string, ...args: string[]): string => execFileSync('git', args, { cwd, encoding: 'utf8', env });
    git(origin, 'init', '-q', '-b', 'main');
    git(origin, 'add', '-A');
    git(origin, 'commit', '-q', '-m', 'Signed terms');
    const clone = path.join(workspace({}), 'clone');
    git(path.dirname(clone), 'clone', '-q', origin, clone);
    git(clone, 'checkout', '-q', '-b', 'cut-days');
    fs.writeFileSync(path.join(clone, 'acme.engagement.yaml'), edit(BASE, 'days-per-week: 2', 'days-per-week: 1'));
    git(clone, 'commit', '-q', '-am', 'CEO cuts the days');
    const withBase = (args: string[]): string[] => args.map((a) => a.replace('$GITHUB_BASE_REF', 'main'));
    const comment = run(withBase(commands[0]!), clone, { cli: CLI });
    assert.equal(comment.code, 0, comment.stderr);
    assert.match(comment.stdout, /^\*\*Engagement terms\*\*: 2 changes \(1 breaking, 1 notable, 0 info\) in 1 engagement\.\n/);
    assert.match(comment.stdout, /\| breaking \| `commitment-reduced` \| Commitment 2 days a week → 1 day a week\. \|/);
    const check = run(withBase(commands[1]!), clone, { cli: CLI });
    assert.equal(check.code, 1, 'the breaking change fails the check');
  });
});
