import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { expect, inject, onTestFailed } from 'vitest';

export const baseUrl = (): string => inject('baseUrl');

export type TrackedPage = { page: Page; context: BrowserContext; cspErrors: string[] };

/** A fresh context (own cookies and storage) whose console CSP errors are collected. */
export async function openPage(browser: Browser, options: { width?: number } = {}): Promise<TrackedPage> {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    viewport: { width: options.width ?? 1280, height: 900 },
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  // Violations the console might word differently still reach it as one error line this way.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`Content Security Policy violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  const cspErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && message.text().includes('Content Security Policy')) cspErrors.push(message.text());
  });
  page.on('pageerror', (error) => {
    if (error.message.includes('Content Security Policy')) cspErrors.push(error.message);
  });
  // A screenshot of the page as it was when a test failed, in test-results/ (ignored by git).
  onTestFailed(async ({ task }) => {
    if (page.isClosed()) return;
    mkdirSync('test-results/e2e', { recursive: true });
    const path = `test-results/e2e/${task.name.replace(/[^\w-]+/g, '-').slice(0, 80)}.png`;
    await page.screenshot({ path, fullPage: true }).catch(() => undefined);
    console.error(`screenshot of the failed page: ${path} (at ${page.url()})`);
  });
  return { page, context, cspErrors };
}

/** GET as the page's session, expecting 200. */
export async function getJson<T>(page: Page, url: string): Promise<T> {
  const response = await page.request.get(url);
  expect(response.status(), url).toBe(200);
  return (await response.json()) as T;
}

/** Waits until the SPA has rendered a page heading and finished loading its data. */
export async function waitForPage(page: Page): Promise<void> {
  await page.locator('main h1').waitFor();
  await page.waitForFunction(() => !document.querySelector('main .load-status'));
}

const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Runs axe and fails with a readable list of violations (rule, impact, help, nodes). */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(axeTags).analyze();
  const report = results.violations.map((violation) =>
    [
      `${violation.id} (${violation.impact ?? 'n/a'}): ${violation.help}`,
      `  ${violation.helpUrl}`,
      ...violation.nodes.map((node) => `  - ${node.target.join(' ')}\n    ${node.failureSummary?.replace(/\n/g, '\n    ') ?? ''}`),
    ].join('\n'),
  );
  expect(report, `axe violations on ${label}:\n${report.join('\n\n')}`).toEqual([]);
  expect(results.passes.length, `axe ran no checks on ${label}`).toBeGreaterThan(0);
}

export function expectNoCspErrors(tracked: TrackedPage, label: string): void {
  expect(tracked.cspErrors.join('\n'), `CSP violations on ${label}`).toBe('');
}

/** Signs in through the login form, typing with the keyboard. */
export async function signIn(page: Page, user: { email: string; password: string }, next?: string): Promise<void> {
  await page.goto(next ? `/login?next=${encodeURIComponent(next)}` : '/login');
  await waitForPage(page);
  await page.locator('#login-email').focus();
  await page.keyboard.type(user.email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(user.password);
  await page.keyboard.press('Enter');
}
