import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser.ts';
import { expectNoAxeViolations, expectNoCspErrors, openPage, signIn, waitForPage } from './helpers.ts';
import { admin, editor } from './users.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('login form', () => {
  it('lists validation errors, linked to their fields', async () => {
    const tracked = await openPage(browser);
    const { page } = tracked;
    await page.goto('/login');
    await waitForPage(page);
    await page.getByRole('button', { name: 'Aanmelden', exact: true }).click();
    const summary = page.getByRole('alert');
    await summary.waitFor();
    expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    expect(await summary.locator('a').allInnerTexts()).toEqual(['Vul je e-mailadres in.', 'Vul je wachtwoord in.']);
    expect(await page.locator('#login-email').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#login-email').getAttribute('aria-describedby')).toBe('login-email-error');
    await summary.getByRole('link', { name: 'Vul je wachtwoord in.' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('login-password');
    await expectNoAxeViolations(page, 'login with validation errors');
    expectNoCspErrors(tracked, 'login with validation errors');
    await tracked.context.close();
  });

  it('says so when the password is wrong', async () => {
    const tracked = await openPage(browser);
    const { page } = tracked;
    await signIn(page, { email: admin.email, password: 'not-the-password' });
    const summary = page.getByRole('alert');
    await expect.poll(() => summary.innerText()).toContain('Het e-mailadres of het wachtwoord is fout.');
    expect(new URL(page.url()).pathname).toBe('/login');
    await expectNoAxeViolations(page, 'login with wrong password');
    expectNoCspErrors(tracked, 'login with wrong password');
    await tracked.context.close();
  });
});

describe('audit log', () => {
  it('sends anonymous visitors to the login page', async () => {
    const { page, context } = await openPage(browser);
    await page.goto('/admin/audit');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/login');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/admin/audit');
    await context.close();
  });

  it('shows admins the audited user creation and login, with filters', async () => {
    const tracked = await openPage(browser);
    const { page } = tracked;
    await signIn(page, admin, '/admin/audit');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/admin/audit');
    await waitForPage(page);
    expect(await page.locator('h1').innerText()).toBe('Auditlog');
    const rows = page.locator('table tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThanOrEqual(1);
    const text = await page.locator('table').innerText();
    expect(text).toMatch(/aangemaakt|aangemeld/);
    expect(text).toContain(admin.email);

    // Before/after values open up from a disclosure.
    const details = page.locator('table details').first();
    await details.locator('summary').click();
    expect(await details.getAttribute('open')).not.toBeNull();
    expect(await details.locator('dt').count()).toBeGreaterThan(0);
    expect(await page.getByText(`Aangemeld als ${admin.email}`, { exact: true }).count()).toBe(1);
    await expectNoAxeViolations(page, 'audit log (admin)');

    // Filter on the actor: only the admin's own actions remain.
    await page.getByLabel('E-mailadres van de gebruiker').fill(admin.email);
    await page.getByRole('button', { name: 'Filters toepassen' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('actorEmail')).toBe(admin.email);
    const actors = page.locator('table tbody tr td:nth-child(2)');
    await expect.poll(async () => [...new Set(await actors.allInnerTexts())]).toEqual([admin.email]);
    expectNoCspErrors(tracked, 'audit log');

    // Signing out returns to a signed-out header.
    await page.getByRole('button', { name: 'Afmelden' }).click();
    await page.getByRole('link', { name: 'Aanmelden' }).waitFor();
    await tracked.context.close();
  });

  it('pages through the log with "load more" (the server cursor)', async () => {
    const tracked = await openPage(browser);
    const { page } = tracked;
    await signIn(page, admin);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/');
    // Only account entries: the seeded data adds too many entries to page through three at a time.
    const all = (await (await page.request.get('/api/v1/audit?entityType=user&limit=200')).json()) as { items: { id: number }[] };
    expect(all.items.length).toBeGreaterThan(3);
    // Small pages so that a handful of entries needs several "load more" clicks.
    await page.route('**/api/v1/audit?*', (route) => {
      const url = new URL(route.request().url());
      url.searchParams.set('limit', '3');
      return route.continue({ url: url.toString() });
    });
    await page.goto('/admin/audit?entityType=user');
    await waitForPage(page);
    const rows = page.locator('table tbody tr');
    await expect.poll(() => rows.count()).toBe(3);
    const more = page.getByRole('button', { name: 'Meer laden' });
    for (let shown = 3; shown < all.items.length; shown += 3) {
      await more.click();
      await expect.poll(() => rows.count()).toBe(Math.min(shown + 3, all.items.length));
      // Focus continues at the first new row, not lost with a vanished button.
      expect(await page.evaluate(() => document.activeElement?.closest('tr')?.rowIndex)).toBe(shown + 1);
    }
    expect(await more.count()).toBe(0);
    const times = await page.locator('table tbody time').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('datetime')));
    expect(times.length).toBe(all.items.length);
    expectNoCspErrors(tracked, 'audit log paging');
    await tracked.context.close();
  });

  it('tells other roles that they have no access', async () => {
    const tracked = await openPage(browser);
    const { page } = tracked;
    await signIn(page, editor);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/');
    await page.getByText(`Aangemeld als ${editor.email}`, { exact: true }).waitFor();
    await page.goto('/admin/audit');
    await waitForPage(page);
    expect(await page.locator('h1').innerText()).toBe('Geen toegang');
    expect(await page.locator('main').innerText()).toContain('Alleen beheerders');
    expect(await page.locator('table').count()).toBe(0);
    await expectNoAxeViolations(page, '403 page');
    expectNoCspErrors(tracked, '403 page');
    await tracked.context.close();
  });
});
