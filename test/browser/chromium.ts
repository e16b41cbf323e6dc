import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium, which the test host installs. */
export const CHROMIUM = '/usr/bin/chromium';

/** Chromium as every browser test starts it: headless, quiet, making no request of its own. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}
