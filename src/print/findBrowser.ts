import * as fs from 'node:fs';
import * as path from 'node:path';

/** Where Chrome, Chromium and Edge install themselves, per system, in the order they are tried. */
function knownPlaces(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  if (platform === 'darwin') {
    return ['Google Chrome.app/Contents/MacOS/Google Chrome', 'Chromium.app/Contents/MacOS/Chromium', 'Microsoft Edge.app/Contents/MacOS/Microsoft Edge'].flatMap((app) => [
      path.join('/Applications', app),
      ...(env.HOME ? [path.join(env.HOME, 'Applications', app)] : []),
    ]);
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((r): r is string => Boolean(r));
    return roots.flatMap((root) => [path.win32.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'), path.win32.join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'), path.win32.join(root, 'Chromium', 'Application', 'chrome.exe')]);
  }
  const names = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge', 'microsoft-edge-stable'];
  const dirs = (env.PATH ?? '/usr/bin').split(path.delimiter).filter(Boolean);
  return [...names.flatMap((name) => dirs.map((dir) => path.join(dir, name))), '/snap/bin/chromium'];
}

function isProgram(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * The browser that prints a PDF: the one named (`--browser`, else `CHROME_PATH`), or the
 * first Chrome, Chromium or Edge installed in a usual place. Nothing is downloaded.
 */
export function findBrowser(
  named: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  /** How the user names a browser where this is asked: an option, or a setting. */
  namedBy: { readonly name: string; readonly usage: string } = { name: '--browser', usage: '--browser <path>' },
): { path: string } | { problem: string } {
  const given = named || env.CHROME_PATH;
  if (given) return isProgram(given) ? { path: given } : { problem: `${named ? namedBy.name : 'CHROME_PATH'} names ${given}, which is not a program here.` };
  const found = knownPlaces(platform, env).find(isProgram);
  if (found) return { path: found };
  return { problem: `printing a PDF needs Chrome, Chromium or Edge, and none was found in the usual places. Install one, or name it with ${namedBy.usage} (or CHROME_PATH).` };
}
