// Opens a report page from disk in headless Debian `chromium` through playwright-core and records
// what a person would notice: console errors or warnings, page errors, and any request besides the
// page itself. `chromiumPath` is undefined when no binary is found; tests then skip with `NO_CHROMIUM`.

import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

const CANDIDATES = [process.env['CHROMIUM_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export const chromiumPath: string | undefined = CANDIDATES.find((p): p is string => !!p && existsSync(p));

export const NO_CHROMIUM = "no chromium binary found (install Debian's chromium, as scripts/setup.sh does as root, or set CHROMIUM_PATH)";

export interface OpenedPage {
  tab: Page;
  /** Console errors and warnings, uncaught page errors. */
  problems: string[];
  /** URLs requested besides the page itself. */
  requests: string[];
  /** The navigation's response is OK (a file: page may have none). */
  loaded: boolean;
}

/** Opens `htmlPath` in a fresh 1280×900 tab of `browser`. */
export async function openPage(browser: Browser, htmlPath: string): Promise<OpenedPage> {
  const url = pathToFileURL(htmlPath).href;
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const tab = await ctx.newPage();
  const problems: string[] = [];
  const requests: string[] = [];
  tab.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  tab.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  tab.on('request', (r) => {
    if (r.url() !== url) requests.push(r.url());
  });
  const response = await tab.goto(url, { waitUntil: 'load' });
  return { tab, problems, requests, loaded: response === null || response.ok() };
}

export async function launch(): Promise<Browser> {
  if (!chromiumPath) throw new Error(NO_CHROMIUM);
  return chromium.launch({ executablePath: chromiumPath });
}
