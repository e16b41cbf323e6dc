import * as assert from 'node:assert/strict';
import { ESLint } from 'eslint';
import { ROOT } from './helpers';

describe('layering', () => {
  const eslint = new ESLint({ cwd: ROOT });
  const importing = "import * as vscode from 'vscode';\nexport const x = vscode;\n";

  it('the lint fails when src/core imports vscode', async () => {
    const [result] = await eslint.lintText(importing, { filePath: `${ROOT}/src/core/example.ts` });
    assert.ok(result!.messages.some((m) => m.ruleId === 'no-restricted-imports'), JSON.stringify(result!.messages));
  });

  it('the extension layer may import vscode', async () => {
    const [result] = await eslint.lintText(importing, { filePath: `${ROOT}/src/extension/example.ts` });
    assert.deepEqual(result!.messages.filter((m) => m.ruleId === 'no-restricted-imports'), []);
  });
});
