import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser.ts';
import { expectNoAxeViolations, expectNoCspErrors, getJson, openPage, signIn, waitForPage } from './helpers.ts';
import { admin, editor } from './users.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

type Cell = { row: string | null; column: string | null; count: number };
type MatrixReply = { rows: { code: string }[]; columns: { code: string }[]; cells: Cell[]; recordedActionCount: number; withoutRow: number };
type Status = { key: string; name: { nl: string; fr: string; en: string }; defaultProgress: number | null };

/** Like expect.poll, with room for a sign-in (argon2) or a reply on a busy machine. */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 });
const h1 = (page: Page) => page.locator('main h1').innerText();
const path = (page: Page) => new URL(page.url()).pathname;
const search = (page: Page, key: string) => new URL(page.url()).searchParams.get(key);
const suffix = Date.now().toString(36);


/** A write with the session's CSRF token, as the web app sends it. */
async function put(page: Page, url: string, body: unknown) {
  const me = (await (await page.request.get('/api/v1/auth/me')).json()) as { csrfToken: string };
  return page.request.put(url, { data: body, headers: { 'X-CSRF-Token': me.csrfToken, 'Content-Type': 'application/json' } });
}

/** Follows a matrix cell's link with the keyboard and checks the list counts what the cell said. */
async function drillDown(page: Page, link: ReturnType<Page['locator']>, expected: Record<string, string>) {
  const shown = Number((await link.innerText()).match(/^\d+/)?.[0]);
  expect(shown).toBeGreaterThan(0);
  await link.focus();
  await page.keyboard.press('Enter');
  await poll(() => path(page)).toBe('/plan/actions');
  for (const [key, value] of Object.entries(expected)) expect(search(page, key)).toBe(value);
  await poll(() => page.locator('.result-count').innerText()).toBe(`Gevonden acties: ${shown}`);
  for (const [key, value] of Object.entries(expected)) expect(await page.locator(`#plan-filter-${key}`).inputValue()).toBe(value);
}

describe('plan matrix', () => {
  it('counts actions per target group and theme, honestly, and drills down to the filtered list', async () => {
    const tracked = await openPage(browser);
    const { page } = tracked;
    const matrix = await getJson<MatrixReply>(page, '/api/v1/plan/matrix?by=theme');
    await page.goto('/plan');
    await waitForPage(page);
    await page.getByRole('link', { name: 'Acties per doelgroep en thema of vlaggenschip (matrix)' }).click();
    await poll(() => path(page)).toBe('/plan/matrix');
    await waitForPage(page);
    expect(await h1(page)).toBe('Matrix van doelgroepen en thema’s');
    expect(await page.locator('.recorded-count').innerText()).toBe(`${matrix.recordedActionCount} van de 47 acties staan in Koers.`);

    const table = page.locator('table.matrix-table');
    expect(await table.locator('caption').innerText()).toBe('Acties in Koers per doelgroep en thema');
    expect(await table.getAttribute('aria-describedby')).toBe('plan-matrix-summary');
    expect(await page.locator('#plan-matrix-summary').innerText()).toContain(`Zonder vastgelegde doelgroep (de laatste rij): ${matrix.withoutRow} van de ${matrix.recordedActionCount} acties in Koers.`);
    const rowHeads = await table.locator('tbody th[scope="row"]').allInnerTexts();
    expect(rowHeads).toEqual(['het individu', 'de organisatie', 'het aanbod', expect.any(String), 'Geen doelgroep vastgelegd']);
    expect(await table.locator('thead th[scope="col"]').last().innerText()).toBe('Geen thema vastgelegd');
    expect(await table.locator('thead th[scope="col"]').count()).toBe(matrix.columns.length + 2);
    if (matrix.columns.length === 0) expect(await page.locator('main').innerText()).toContain('De thema’s van het plan zijn nog niet bekend');
    // one link per non-empty cell, named by its row and column for screen readers
    const links = table.locator('td a');
    expect(await links.count()).toBe(matrix.cells.filter((c) => c.count > 0).length);
    const none = table.locator('tbody tr').last().locator('td').last().getByRole('link');
    expect(await none.innerText()).toMatch(/^\d+/);
    expect(await none.textContent()).toContain('acties voor Geen doelgroep vastgelegd × Geen thema vastgelegd');
    await expectNoAxeViolations(page, 'plan matrix (themes)');

    await drillDown(page, none, { targetGroup: 'none', theme: 'none' });
    expectNoCspErrors(tracked, 'plan matrix');
    await tracked.context.close();
  });

  it('switches to flagships as columns and drills down from a flagship cell', async () => {
    const tracked = await openPage(browser);
    const { page } = tracked;
    await page.goto('/plan/matrix');
    await waitForPage(page);
    const switcher = page.getByRole('navigation', { name: 'Kolommen van de matrix' });
    expect(await switcher.getByRole('link', { name: 'Doelgroepen × thema’s' }).getAttribute('aria-current')).toBe('true');
    await switcher.getByRole('link', { name: 'Doelgroepen × vlaggenschepen' }).click();
    await poll(() => search(page, 'by')).toBe('flagship');
    await poll(() => page.locator('table.matrix-table caption').innerText()).toBe('Acties in Koers per doelgroep en vlaggenschip');
    expect(await page.locator('table.matrix-table thead th[scope="col"]').count()).toBe(1 + 7 + 1);
    await expectNoAxeViolations(page, 'plan matrix (flagships)');

    const matrix = await getJson<MatrixReply>(page, '/api/v1/plan/matrix?by=flagship');
    const cell = matrix.cells.find((c) => c.count > 0 && c.column !== null);
    expect(cell, 'some action has a flagship').toBeDefined();
    const link = page.locator('table.matrix-table td a', { hasText: `acties voor Geen doelgroep vastgelegd × (${cell!.column})` });
    await drillDown(page, link, { targetGroup: 'none', flagship: cell!.column! });
    await tracked.context.close();
  });
});

describe('plan administration', () => {
  it('refuses the admin screens to a non-admin', async () => {
    const { page, context } = await openPage(browser);
    await signIn(page, editor, '/admin/users');
    await poll(() => path(page)).toBe('/admin/users');
    await poll(() => h1(page)).toBe('Geen toegang');
    expect(await page.locator('main').innerText()).toContain('alleen beheerders kunnen deze pagina gebruiken');
    expect(await page.locator('main table').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Accounts' }).count()).toBe(0);
    await context.close();
  });

  it('lets an admin rename a status and shows the new name', async () => {
    const tracked = await openPage(browser);
    const { page } = tracked;
    await signIn(page, admin, '/admin/statuses');
    await poll(() => path(page)).toBe('/admin/statuses');
    await waitForPage(page);
    expect(await h1(page)).toBe('Statussen');
    await expectNoAxeViolations(page, 'admin statuses');
    const before = (await getJson<{ statuses: Status[] }>(page, '/api/v1/plan')).statuses.find((s) => s.key === 'stopped')!;
    try {
      await page.getByRole('button', { name: 'Bewerken stopped' }).click();
      await poll(() => page.evaluate(() => document.activeElement?.id)).toBe('status-form-title');
      const nl = page.locator('#status-name-nl');
      expect(await nl.inputValue()).toBe(before.name.nl);
      // a bad value first: the API's error shows in the summary, linked to its field
      await page.locator('#status-default-progress').fill('120');
      await page.getByRole('button', { name: 'Opslaan' }).click();
      const summary = page.locator('.error-summary');
      await poll(() => summary.innerText()).toContain('Vul een geheel getal van 0 tot 100 in');
      await summary.getByRole('link').first().click();
      await poll(() => page.evaluate(() => document.activeElement?.id)).toBe('status-default-progress');
      expect(await page.locator('#status-default-progress').getAttribute('aria-invalid')).toBe('true');
      await expectNoAxeViolations(page, 'admin statuses with an error');

      await page.locator('#status-default-progress').fill('');
      await nl.fill('stopgezet (e2e)');
      await page.getByRole('button', { name: 'Opslaan' }).click();
      await poll(() => page.locator('.notice--success').innerText()).toBe('Status stopped is opgeslagen.');
      const row = page.locator('tbody tr', { has: page.locator('th', { hasText: 'stopped' }) });
      await poll(() => row.locator('td').first().innerText()).toBe('stopgezet (e2e)');
      // and elsewhere: the action list's status filter uses the catalogue
      await page.goto('/plan/actions');
      await waitForPage(page);
      expect(await page.locator('#plan-filter-status option[value="stopped"]').innerText()).toBe('stopgezet (e2e)');
    } finally {
      // leave the catalogue as the other browser tests expect it
      const restored = await put(page, '/api/v1/plan/statuses/stopped', { name: before.name, defaultProgress: before.defaultProgress });
      expect(restored.status()).toBe(200);
    }
    expectNoCspErrors(tracked, 'admin statuses');
    await tracked.context.close();
  });

  it('lets an admin add an organisation and an editor bound to it, then disable that editor after confirming', async () => {
    const tracked = await openPage(browser);
    const { page } = tracked;
    const name = `E2E Leerpartner ${suffix}`;
    const email = `e2e-editor-${suffix}@koers.test`;
    await signIn(page, admin, '/admin/stakeholders');
    await poll(() => path(page)).toBe('/admin/stakeholders');
    await waitForPage(page);
    expect(await h1(page)).toBe('Organisaties');
    await expectNoAxeViolations(page, 'admin stakeholders');
    await page.getByRole('button', { name: 'Nieuwe organisatie' }).click();
    await page.getByLabel('Naam', { exact: true }).fill(name);
    expect(await page.getByLabel('Id', { exact: true }).inputValue()).toBe(`e2e-leerpartner-${suffix}`);
    await page.getByLabel('Afkorting').fill('ELP');
    await page.getByLabel('Soort').selectOption('training-provider');
    await expectNoAxeViolations(page, 'admin stakeholders form');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await poll(() => page.locator('.notice--success').innerText()).toBe(`${name} is opgeslagen.`);
    const row = page.locator('tbody tr', { has: page.locator('th', { hasText: name }) });
    await poll(() => row.locator('td').allInnerTexts()).toEqual(['ELP', 'Opleidingsverstrekker', `e2e-leerpartner-${suffix}`, expect.any(String)]);

    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Accounts' }).click();
    await poll(() => path(page)).toBe('/admin/users');
    await waitForPage(page);
    expect(await h1(page)).toBe('Accounts');
    await expectNoAxeViolations(page, 'admin users');
    await page.getByLabel('E-mailadres').fill(email);
    await page.getByLabel('Wachtwoord').fill('too short');
    await page.getByLabel('Rol', { exact: true }).selectOption('editor');
    await page.getByRole('button', { name: 'Account aanmaken' }).click();
    // the API names both problems; the summary links each to its field
    const summary = page.locator('.error-summary');
    await poll(() => summary.getByRole('link').allInnerTexts()).toEqual(['Het wachtwoord moet minstens 12 tekens lang zijn.', 'Kies de organisatie van de redacteur.']);
    expect(await page.locator('#user-password-hint').innerText()).toContain('Minstens 12 tekens');
    await expectNoAxeViolations(page, 'admin users with errors');

    const password = `e2e-${suffix}-long-enough`;
    await page.getByLabel('Wachtwoord').fill(password);
    await page.getByLabel('Organisatie', { exact: true }).selectOption(`e2e-leerpartner-${suffix}`);
    await page.getByRole('button', { name: 'Account aanmaken' }).click();
    await poll(() => page.locator('.notice--success').innerText()).toBe(`Account ${email} (Redacteur) is aangemaakt.`);
    expect(await page.getByLabel('Wachtwoord').inputValue()).toBe('');
    expect(await page.locator('main').innerText()).not.toContain(password);
    const userRow = page.locator('tbody tr', { has: page.locator('th', { hasText: email }) });
    await poll(() => userRow.locator('td').nth(1).innerText()).toBe(`organisatie ${name}`);
    const users = await getJson<{ items: { email: string; organisationId: string | null }[] }>(page, '/api/v1/users');
    expect(users.items.find((u) => u.email === email)?.organisationId).toBe(`e2e-leerpartner-${suffix}`);

    // disabling asks first; cancelling changes nothing
    await userRow.getByRole('button', { name: `Uitschakelen ${email}` }).click();
    await poll(() => page.evaluate(() => document.activeElement?.id)).toBe('user-disable-title');
    expect(await page.locator('#user-disable-title').innerText()).toBe(`Account ${email} uitschakelen?`);
    await page.getByRole('button', { name: 'Annuleren' }).click();
    expect(await userRow.locator('td').nth(2).innerText()).toBe('actief');
    await userRow.getByRole('button', { name: `Uitschakelen ${email}` }).click();
    await page.getByRole('button', { name: 'Ja, uitschakelen' }).click();
    await poll(() => page.locator('.notice--success').innerText()).toBe(`Account ${email} is uitgeschakeld.`);
    await poll(() => userRow.locator('td').nth(2).innerText()).toBe('uitgeschakeld');
    expect(await userRow.getByRole('button').count()).toBe(0);
    expectNoCspErrors(tracked, 'admin users');
    await tracked.context.close();
  });

  it('fits a 320 px wide screen: the admin menu, the matrix and the admin tables', async () => {
    const { page, context } = await openPage(browser, { width: 320 });
    await signIn(page, admin, '/admin/users');
    await poll(() => path(page)).toBe('/admin/users');
    for (const url of ['/admin/users', '/admin/statuses', '/admin/stakeholders', '/plan/matrix?by=flagship']) {
      await page.goto(url);
      await waitForPage(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${url} is wider than the screen`).toBeLessThanOrEqual(0);
    }
    await context.close();
  });

  it('lets an admin add a milestone to an action and shows it there', async () => {
    const tracked = await openPage(browser);
    const { page } = tracked;
    await signIn(page, admin, '/plan/actions/K-10');
    await poll(() => path(page)).toBe('/plan/actions/K-10');
    await waitForPage(page);
    const section = page.locator('section[aria-labelledby="action-milestones"]');
    await section.getByRole('button', { name: 'Mijlpaal toevoegen' }).click();
    const summary = page.locator('.error-summary');
    await poll(() => summary.getByRole('link').allInnerTexts()).toEqual([
      'Vul een datum binnen de looptijd van het plan in.',
      'Geef de mijlpaal een titel in minstens één taal.',
    ]);
    await summary.getByRole('link').nth(1).click();
    await poll(() => page.evaluate(() => document.activeElement?.id)).toBe('milestone-title-nl');

    const title = `Eerste lesdag (e2e ${suffix})`;
    await page.getByLabel('Datum').fill('2024-09-02');
    await page.locator('#milestone-title-nl').fill(title);
    await page.locator('#milestone-description-nl').fill('De eerste groep begon.');
    await page.getByLabel('Link (niet verplicht)').fill('https://www.vlaanderen.be/');
    await section.getByRole('button', { name: 'Mijlpaal toevoegen' }).click();
    await poll(() => section.locator('.notice--success').innerText()).toBe('De mijlpaal is toegevoegd.');
    const milestone = section.locator('.milestone', { hasText: title });
    await poll(() => milestone.count()).toBe(1);
    expect(await milestone.locator('time').getAttribute('datetime')).toBe('2024-09-02');
    expect(await milestone.innerText()).toContain('De eerste groep begon.');
    expect(await page.locator('#milestone-title-nl').inputValue()).toBe('');
    await expectNoAxeViolations(page, 'action page with the milestone form');

    // a visitor sees it too, and no form
    const visitor = await openPage(browser);
    await visitor.page.goto('/plan/actions/K-10');
    await waitForPage(visitor.page);
    expect(await visitor.page.locator('.milestone', { hasText: title }).count()).toBe(1);
    expect(await visitor.page.locator('#milestone-form-title').count()).toBe(0);
    await visitor.context.close();
    expectNoCspErrors(tracked, 'action page');
    await tracked.context.close();
  });
});
