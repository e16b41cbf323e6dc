import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findBrowser } from '../../src/print/findBrowser';
import { scratchFolder } from './scratchFolders';

describe('finding a browser to print with', () => {
  it('takes the one named, else CHROME_PATH, else the first installed in a usual place', () => {
    const dir = scratchFolder('engagement-browsers-');
    const chromium = path.join(dir, 'chromium');
    const chrome = path.join(dir, 'google-chrome');
    fs.writeFileSync(chromium, '');
    fs.writeFileSync(chrome, '');
    assert.deepEqual(findBrowser(chrome, { PATH: dir }, 'linux'), { path: chrome });
    assert.deepEqual(findBrowser(undefined, { PATH: dir, CHROME_PATH: chrome }, 'linux'), { path: chrome });
    assert.deepEqual(findBrowser(undefined, { PATH: dir }, 'linux'), { path: chromium });
  });

  it('says what to do when there is none, or the one named is not there', () => {
    const empty = scratchFolder('engagement-no-browser-');
    const none = findBrowser(undefined, { PATH: empty }, 'linux');
    assert.ok('problem' in none && /none was found in the usual places\. Install one, or name it with --browser <path> \(or CHROME_PATH\)\./.test(none.problem), JSON.stringify(none));
    const wrong = findBrowser('/nowhere/chrome', { PATH: empty }, 'linux');
    assert.deepEqual(wrong, { problem: '--browser names /nowhere/chrome, which is not a program here.' });
    const place = findBrowser(undefined, { PROGRAMFILES: 'C:\\\\Program Files' }, 'win32');
    assert.ok('problem' in place, 'a Windows place is looked at, and not found here');
  });
});
