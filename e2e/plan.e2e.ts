import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser.ts';
import { expectNoAxeViolations, expectNoCspErrors, getJson, openPage, signIn, waitForPage } from './helpers.ts';
import { admin, vdabEditor } from './users.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

type Texts = { nl?: string; fr?: string; en?: string };
type PlanReply = { announcedActionCount: number; recordedActionCount: number; flagships: { code: string; title: Texts }[] };
type ActionPageReply = { items: { reference: string; title: Texts }[]; total: number };
type ActionReply = { reference: string; title: Texts; reports: { year: number; status: string | null; progress: number | null }[] };

/** Like expect.poll, with room for a sign-in (argon2) or a reply on a busy machine. */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 });
const h1 = (page: Page) => page.locator('main h1').innerText();
const path = (page: Page) => new URL(page.url()).pathname;
const search = (page: Page, key: string) => new URL(page.url()).searchParams.get(key);


/** A PUT with the session's CSRF token, as the web app sends it. */
async function putReport(page: Page, reference: string, year: number, body: unknown) {
  const me = (await (await page.request.get('/api/v1/auth/me')).json()) as { csrfToken: string };
  return page.request.put(`/api/v1/plan/actions/${reference}/reports/${year}`, {
    data: body,
    headers: { 'X-CSRF-Token': me.csrfToken, 'Content-Type': 'application/json' },
  });
}

describe('plan overview', () => {
  it('is honest about the 47 actions and shows the compass, flagships and themes', async () => {
    const tracked = await openPage(browser);
    const { page } = tracked;
    const plan = await getJson<PlanReply>(page, '/api/v1/plan');
    const response = await page.goto('/plan');
    expect(response?.status()).toBe(200);
    await waitForPage(page);
    expect(await h1(page)).toBe('Het actieplan');
    const main = page.locator('main');
    expect(await main.innerText()).toContain('Actieplan levenslang leren. Koers zetten naar een lerend Vlaanderen');
    expect(await main.innerText()).toContain('2021–2030');
    expect(await main.locator('time[datetime="2021-12-17"]').innerText()).toBe('17 december 2021');
    expect(await page.locator('.recorded-count').innerText()).toBe(`${plan.recordedActionCount} van de 47 acties staan in Koers.`);
    expect(plan.announcedActionCount).toBe(47);
    expect(await main.innerText()).toContain('kan ze in Koers geïmporteerd worden');

    // The compass: ten goals, each a link to its page, with a count and progress (or none).
    const goals = page.locator('.compass__goal');
    expect(await goals.count()).toBe(10);
    expect(await goals.first().getByRole('link').innerText()).toBe('de lerende centraal');
    expect(await goals.first().innerText()).toMatch(/Acties: \d+/);

    // Flagship titles exist in English only: shown in English and marked as such.
    const cards = page.locator('.flagship-card');
    expect(await cards.count()).toBe(7);
    const english = cards.first().locator('h3 [lang="en"]');
    expect(await english.innerText()).toBe(plan.flagships[0]?.title.en);
    for (let i = 0; i < 7; i++) {
      const card = cards.nth(i);
      const bars = await card.locator('progress').count();
      if (bars === 0) expect(await card.innerText()).toContain('Geen voortgang gerapporteerd');
      else expect(await card.locator('.progress__value').innerText()).toMatch(/^\d+\s?%$/);
    }

    expect(await main.innerText()).toContain('De thema’s van het plan zijn nog niet bekend');
    await expectNoAxeViolations(page, 'plan overview');
    expectNoCspErrors(tracked, 'plan overview');
    await tracked.context.close();
  });

  it('shows the 2022 official counts beside the recorded ones, with the source and its "unverified" mark', async () => {
    const tracked = await openPage(browser);
    const { page } = tracked;
    await page.goto('/plan');
    await waitForPage(page);
    const year = page.getByLabel('Jaar', { exact: true });
    expect(Number(await year.inputValue())).toBeGreaterThanOrEqual(2021);
    await year.selectOption('2022');
    await poll(() => search(page, 'year')).toBe('2022');

    const table = page.locator('table', { has: page.locator('caption', { hasText: 'Status van de acties in 2022' }) });
    await table.waitFor();
    const headers = await table.locator('thead th').allInnerTexts();
    expect(headers).toEqual(['Status', 'Geregistreerd in Koers', 'Officiële totalen']);
    const official = async (status: string) => table.locator('tr', { has: page.locator('th', { hasText: new RegExp(`^${status}$`) }) }).locator('td').nth(1).innerText();
    expect(await official('gerealiseerd')).toBe('1');
    expect(await official('in uitvoering')).toBe('27');
    expect(await official('wordt opgestart')).toBe('9');
    expect(await official('in voorbereiding')).toBe('10');
    expect(await table.locator('tfoot td').allInnerTexts()).toEqual([expect.stringMatching(/^\d+$/), '47']);

    // The chart is an image named by its title and described by the text summary.
    const chart = page.locator('svg[role="img"]');
    const labelledBy = (await chart.getAttribute('aria-labelledby'))?.split(' ') ?? [];
    expect(labelledBy).toHaveLength(2);
    expect(await page.locator(`[id="${labelledBy[0]}"]`).textContent()).toBe('Status van de acties in 2022');
    expect(await page.locator(`[id="${labelledBy[1]}"]`).innerText()).toContain('Officiële totalen voor 2022: 10 in voorbereiding, 9 wordt opgestart, 27 in uitvoering en 1 gerealiseerd, van 47 acties.');
    expect(await chart.locator('.chart__bar--official').count()).toBe(4);

    const source = page.locator('.official-source');
    expect(await source.locator('.badge--unverified').innerText()).toBe('Niet geverifieerd');
    expect(await source.locator('.source-refs li').first().innerText()).toContain('Cedefop & ReferNet');
    expect(await source.getByRole('link').first().getAttribute('href')).toMatch(/^https:\/\/www\.cedefop\.europa\.eu\//);
    expect(await page.locator('main').innerText()).toContain('Ze worden nooit opgeteld.');

    // The year is in the URL: a reload keeps it.
    await page.reload();
    await waitForPage(page);
    expect(await page.getByLabel('Jaar', { exact: true }).inputValue()).toBe('2022');
    await expectNoAxeViolations(page, 'plan overview, 2022');
    expectNoCspErrors(tracked, 'plan overview, 2022');
    await tracked.context.close();
  });

  it('is reached from the main menu, in every language', async () => {
    const { page, context } = await openPage(browser);
    await page.goto('/');
    await waitForPage(page);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Actieplan' }).click();
    await poll(() => h1(page)).toBe('Het actieplan');
    await page.getByRole('button', { name: 'English' }).click();
    await poll(() => h1(page)).toBe('The action plan');
    await poll(() => page.locator('.recorded-count').innerText()).toMatch(/^\d+ of 47 actions recorded in Koers\.$/);
    await page.getByRole('button', { name: 'Français' }).click();
    await poll(() => h1(page)).toBe('Le plan d’action');
    // Goals have no French text: the Dutch one is shown and marked as Dutch.
    expect(await page.locator('.compass__goal').first().locator('[lang="nl-BE"]').innerText()).toBe('de lerende centraal');
    await expectNoAxeViolations(page, 'plan overview (fr)');
    await context.close();
  });
});

describe('action list', () => {
  it('filters by text, keeps the filter in the URL, announces the count and goes back', async () => {
    const tracked = await openPage(browser);
    const { page } = tracked;
    const all = await getJson<ActionPageReply>(page, '/api/v1/plan/actions?pageSize=200');
    await page.goto('/plan/actions');
    await waitForPage(page);
    expect(await h1(page)).toBe('Acties');
    const count = page.locator('main [role="status"].result-count');
    await poll(() => count.innerText()).toBe(`Gevonden acties: ${all.total}`);
    const rows = page.locator('table tbody tr');
    expect(await rows.count()).toBe(Math.min(20, all.total));
    // An editors' flagship assignment is said in the row.
    const k02 = rows.filter({ has: page.locator('th', { hasText: 'K-02' }) });
    expect(await k02.innerText()).toContain('toegekend door de Koers-redactie, niet door de bron');
    expect(await k02.locator('[lang="en"]').first().innerText()).toBe('knowledge agenda for LLL');
    expect(await k02.innerText()).toContain('geen status gerapporteerd');
    await expectNoAxeViolations(page, 'action list');

    const filtered = await getJson<ActionPageReply>(page, '/api/v1/plan/actions?q=dashboard&pageSize=200');
    expect(filtered.total).toBeGreaterThan(0);
    await page.getByLabel('Zoeken').fill('dashboard');
    await page.getByRole('button', { name: 'Filters toepassen' }).click();
    await poll(() => search(page, 'q')).toBe('dashboard');
    await poll(() => count.innerText()).toBe(`Gevonden acties: ${filtered.total}`);
    expect(await rows.locator('th').allInnerTexts()).toEqual(filtered.items.map((item) => item.reference));
    // Focus stays on the button that applied the filters.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Filters toepassen');
    await expectNoAxeViolations(page, 'action list, filtered');

    // Shareable: the same URL in a fresh page shows the same filter and results.
    await page.reload();
    await waitForPage(page);
    expect(await page.getByLabel('Zoeken').inputValue()).toBe('dashboard');
    await poll(() => rows.count()).toBe(filtered.items.length);

    // The back button returns to the unfiltered list, and the form follows.
    await page.goBack();
    await poll(() => search(page, 'q')).toBeNull();
    await poll(() => count.innerText()).toBe(`Gevonden acties: ${all.total}`);
    expect(await page.getByLabel('Zoeken').inputValue()).toBe('');
    expectNoCspErrors(tracked, 'action list');
    await tracked.context.close();
  });

  it('filters by flagship from the overview, says when nothing matches, and pages', async () => {
    const { page, context } = await openPage(browser);
    const all = await getJson<ActionPageReply>(page, '/api/v1/plan/actions?pageSize=200');
    const flagshipA = await getJson<ActionPageReply>(page, '/api/v1/plan/actions?flagship=a&pageSize=200');
    await page.goto('/plan');
    await waitForPage(page);
    await page.locator('.flagship-card').first().getByRole('link').click();
    await poll(() => search(page, 'flagship')).toBe('a');
    await poll(() => page.locator('table tbody tr').count()).toBe(Math.min(20, flagshipA.total));
    expect(await page.getByLabel('Vlaggenschip').inputValue()).toBe('a');

    await page.goto('/plan/actions?q=no-such-initiative-xyz');
    await waitForPage(page);
    await poll(() => page.locator('.result-count').innerText()).toBe('Geen enkele actie voldoet aan deze filters.');
    expect(await page.locator('table').count()).toBe(0);

    // A hand-made URL with a filter the API refuses says so instead of failing.
    await page.goto('/plan/actions?year=abc');
    await waitForPage(page);
    await poll(() => page.locator('main .notice--error').innerText()).toBe('Deze filters kunnen niet toegepast worden. Pas ze aan of wis ze.');

    if (all.total > 20) {
      await page.goto('/plan/actions');
      await waitForPage(page);
      await page.getByRole('navigation', { name: 'Paginering' }).getByRole('link', { name: 'Volgende pagina' }).click();
      await poll(() => search(page, 'page')).toBe('2');
      await poll(() => page.locator('table tbody tr').count()).toBe(Math.min(20, all.total - 20));
      expect(await page.locator('table caption').innerText()).toBe(`Acties in Koers, pagina 2 van ${Math.ceil(all.total / 20)}`);
      // Focus continues at the new page's table, not lost with the link.
      await poll(() => page.evaluate(() => document.activeElement?.classList.contains('table-scroll'))).toBe(true);
    }
    await context.close();
  });
});

describe('action and goal pages', () => {
  it('shows an action with its flagship, stakeholders, sources and yearly reports', async () => {
    const tracked = await openPage(browser);
    const { page } = tracked;
    const action = await getJson<ActionReply>(page, '/api/v1/plan/actions/K-02');
    const response = await page.goto('/plan/actions/K-02');
    expect(response?.status()).toBe(200);
    await waitForPage(page);
    expect(await h1(page)).toBe(action.title.nl);
    const main = page.locator('main');
    const text = await main.innerText();
    expect(text).toContain('(Koers-referentie, geen actienummer uit het plan)');
    expect(text).toContain('toegekend door de Koers-redactie, niet door de bron');
    expect(text).toContain('Departement Werk en Sociale Economie (WSE) trekker');
    // The narrative is English: it is shown, marked as English.
    expect(await main.locator('.timeline [lang="en"]').count()).toBe(action.reports.length);
    const reports = page.locator('.timeline__item h3');
    expect(await reports.allInnerTexts()).toEqual(action.reports.map((r) => `Rapport ${r.year}`).sort());
    expect(await main.locator('.timeline').innerText()).toContain('geen status gerapporteerd');
    expect(text).toContain('Wijzigingsgeschiedenis');
    // Anonymous visitors are not offered the form.
    expect(await page.getByRole('link', { name: /rapport voor \d{4} bijwerken/ }).count()).toBe(0);
    await expectNoAxeViolations(page, 'action page');
    expectNoCspErrors(tracked, 'action page');

    // From the list to the action and back.
    await page.getByRole('link', { name: 'Terug naar de lijst van acties' }).click();
    await poll(() => path(page)).toBe('/plan/actions');
    await tracked.context.close();
  });

  it('lets an admin approve a yearly report and says so', async () => {
    const tracked = await openPage(browser);
    const { page } = tracked;
    await signIn(page, admin, '/plan/actions/K-03');
    await poll(() => path(page)).toBe('/plan/actions/K-03');
    await waitForPage(page);
    const report = page.locator('.timeline__item', { has: page.locator('h3', { hasText: 'Rapport 2023' }) });
    await poll(() => report.locator('.timeline__approval').innerText()).toBe('Nog niet goedgekeurd');

    await report.getByRole('button', { name: 'Rapport 2023 goedkeuren' }).click();
    await poll(() => report.locator('.timeline__approval').innerText()).toMatch(/^Goedgekeurd op /);
    expect(await page.getByRole('status').filter({ hasText: 'goedgekeurd' }).innerText()).toBe('Rapport 2023 is goedgekeurd.');
    expect(await report.getByRole('button', { name: 'Rapport 2023 goedkeuren' }).count()).toBe(0);
    // Focus follows to the report's approval line, not lost with the button.
    await poll(() => page.evaluate(() => document.activeElement?.id)).toBe('report-2023-approval');
    expect(await page.locator('main [role="alert"]').count()).toBe(0);
    await expectNoAxeViolations(page, 'action page after approving');
    expectNoCspErrors(tracked, 'approving a report');
    await tracked.context.close();
  });

  it('says so for an unknown action', async () => {
    const { page, context } = await openPage(browser);
    await page.goto('/plan/actions/K-999');
    await waitForPage(page);
    expect(await h1(page)).toBe('Actie niet gevonden');
    expect(await page.locator('main').innerText()).toContain('K-999');
    await context.close();
  });

  it('shows a goal with its wordings and the actions that serve it', async () => {
    const tracked = await openPage(browser);
    const { page } = tracked;
    await page.goto('/plan');
    await waitForPage(page);
    await page.locator('.compass__goal').nth(2).getByRole('link').click();
    await poll(() => path(page)).toBe('/plan/goals/c');
    await waitForPage(page);
    expect(await h1(page)).toBe('inclusief leren');
    const goalActions = await getJson<ActionPageReply>(page, '/api/v1/plan/actions?goal=c&pageSize=200');
    const main = page.locator('main');
    expect(await main.locator('dd[lang="en"]').first().innerText()).toBe('promoting inclusive learning');
    if (goalActions.total === 0) {
      await poll(() => page.locator('.result-count').innerText()).toContain('Nog geen enkele actie in Koers is aan dit doel gekoppeld');
    } else {
      await poll(() => page.locator('table tbody tr').count()).toBe(Math.min(20, goalActions.total));
    }
    await expectNoAxeViolations(page, 'goal page');
    expectNoCspErrors(tracked, 'goal page');
    await page.goto('/plan/goals/zz');
    await waitForPage(page);
    expect(await h1(page)).toBe('Doel niet gevonden');
    await tracked.context.close();
  });

  it('lists the indicators linked to a goal, says who linked them, and leads to the indicator page', async () => {
    const tracked = await openPage(browser);
    const { page } = tracked;
    await page.goto('/plan/goals/i');
    await waitForPage(page);
    const section = page.locator('section[aria-labelledby="goal-indicators"]');
    await poll(() => section.getByRole('link').count()).toBe(3);
    expect(await section.innerText()).toContain('Koers-redactie');
    expect(await section.innerText()).toMatch(/laatste waarde 11,2\s?% \(Vlaams Gewest, 2023\)/);
    await expectNoAxeViolations(page, 'goal page with indicators');
    await section.getByRole('link').first().click();
    await poll(() => path(page)).toBe('/indicators/lfs-4w');
    expectNoCspErrors(tracked, 'goal page with indicators');
    await tracked.context.close();
  });

  it('shows markup in a title as text and never runs it', async () => {
    const { page, context } = await openPage(browser);
    const markup = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>Title & more';
    // The API refuses markup in what editors write; a title with markup is made here, to prove the page's side.
    await page.route('**/api/v1/plan/actions/K-01', async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as ActionReply;
      await route.fulfill({ response, json: { ...body, title: { nl: markup } } });
    });
    await page.route('**/api/v1/plan/actions?*', async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as ActionPageReply;
      await route.fulfill({ response, json: { ...body, items: body.items.map((item) => (item.reference === 'K-01' ? { ...item, title: { nl: markup } } : item)) } });
    });
    await page.goto('/plan/actions');
    await waitForPage(page);
    const row = page.locator('table tbody tr').filter({ has: page.locator('th', { hasText: 'K-01' }) });
    expect(await row.getByRole('link').innerText()).toBe(markup);
    await row.getByRole('link').click();
    await poll(() => h1(page)).toBe(markup);
    expect(await page.locator('main img, main script').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.title()).toBe(`${markup} · Koers`);
    await context.close();
  });
});

describe('yearly report form', () => {
  const own = vdabEditor.ownAction;
  const other = vdabEditor.otherAction;

  it('sends anonymous visitors to the login page and back to the form', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(`/plan/actions/${own}/reports/2024`);
    await poll(() => path(page)).toBe('/login');
    expect(search(page, 'next')).toBe(`/plan/actions/${own}/reports/2024`);
    await signIn(page, vdabEditor, `/plan/actions/${own}/reports/2024`);
    await poll(() => path(page)).toBe(`/plan/actions/${own}/reports/2024`);
    await waitForPage(page);
    expect(await h1(page)).toBe('Rapport 2024 bijwerken');
    expect(await (await putReport(page, own, 2024, { status: 'nope', narrative: {} })).status()).toBe(400); // signed in: validated, not refused
    await context.close();
  });

  it('lets an editor of the lead organisation update a yearly report and shows it on the action page', async () => {
    const tracked = await openPage(browser);
    const { page } = tracked;
    await signIn(page, vdabEditor, `/plan/actions/${own}`);
    await poll(() => path(page)).toBe(`/plan/actions/${own}`);
    await waitForPage(page);
    const before = await getJson<ActionReply>(page, `/api/v1/plan/actions/${own}`);
    expect(before.reports.find((r) => r.year === 2024)?.status).toBeNull();

    await page.getByRole('link', { name: 'Het rapport voor 2024 bijwerken' }).click();
    await poll(() => path(page)).toBe(`/plan/actions/${own}/reports/2024`);
    await waitForPage(page);
    // The existing report fills the form: its English narrative from the source.
    expect(await page.getByLabel('In het Engels').inputValue()).toContain('competence check tool');
    expect(await page.getByLabel('In het Engels').getAttribute('lang')).toBe('en');
    await expectNoAxeViolations(page, 'report form');

    await page.getByLabel('Status', { exact: true }).selectOption('implementing');
    await page.getByLabel('Voortgang (procent)').fill('60');
    await page.getByLabel('In het Nederlands').fill('De competentiecheck werd verbeterd.\nHij wordt breed gebruikt.');
    await page.getByRole('button', { name: 'Link toevoegen' }).click();
    // Focus moves into the new row.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('report-link-0-url');
    await page.keyboard.type('https://www.vdab.be/competentiecheck');
    await page.locator('#report-link-0-title').fill('Competentiecheck bij VDAB');
    await page.getByRole('button', { name: 'Obstakel toevoegen' }).click();
    await page.locator('#report-obstacle-0-text').fill('Te weinig begeleiders voor kortgeschoolden');
    await page.locator('#report-obstacle-0-severity').selectOption('high');
    await page.locator('#report-obstacle-0-owner').fill('VDAB');
    await page.getByRole('button', { name: 'Rapport opslaan' }).click();

    await poll(() => path(page)).toBe(`/plan/actions/${own}`);
    await waitForPage(page);
    expect(await page.getByRole('status').filter({ hasText: 'opgeslagen' }).innerText()).toBe('Het rapport voor 2024 is opgeslagen.');
    const report = page.locator('.timeline__item', { has: page.locator('h3', { hasText: 'Rapport 2024' }) });
    await poll(() => report.innerText()).toContain('in uitvoering');
    const text = await report.innerText();
    expect(text).toContain('60%');
    expect(await report.locator('progress').getAttribute('value')).toBe('60');
    // Dutch is the UI language: the Dutch narrative is shown, one paragraph per line.
    expect(await report.locator('.plan-prose p').allInnerTexts()).toEqual(['De competentiecheck werd verbeterd.', 'Hij wordt breed gebruikt.']);
    expect(await report.getByRole('link', { name: 'Competentiecheck bij VDAB' }).getAttribute('href')).toBe('https://www.vdab.be/competentiecheck');
    expect(text).toContain('Te weinig begeleiders voor kortgeschoolden');
    expect(text).toContain('Ernst: hoog · Eigenaar: VDAB · Niet opgelost');
    expect(await page.locator('table', { has: page.locator('caption', { hasText: 'Wijzigingen aan de rapporten' }) }).innerText()).toContain(vdabEditor.organisation);

    const after = await getJson<ActionReply>(page, `/api/v1/plan/actions/${own}`);
    expect(after.reports.find((r) => r.year === 2024)).toMatchObject({ status: 'implementing', progress: 60 });
    await expectNoAxeViolations(page, 'action page after saving');
    expectNoCspErrors(tracked, 'report form');
    await tracked.context.close();
  });

  it('shows the API’s refusal of markup and bad values at the fields, and saves nothing', async () => {
    const tracked = await openPage(browser);
    const { page } = tracked;
    await signIn(page, vdabEditor, `/plan/actions/${own}/reports/2025`);
    await poll(() => path(page)).toBe(`/plan/actions/${own}/reports/2025`);
    await waitForPage(page);
    const before = await getJson<ActionReply>(page, `/api/v1/plan/actions/${own}`);

    // The API itself refuses a narrative with a script tag.
    const direct = await putReport(page, own, 2025, { status: 'implementing', narrative: { en: '<script>alert(1)</script>' } });
    expect(direct.status()).toBe(400);
    const problem = (await direct.json()) as { errors: { field: string }[] };
    expect(problem.errors.map((e) => e.field)).toContain('body.narrative.en');

    await page.getByLabel('Voortgang (procent)').fill('150');
    await page.getByLabel('In het Engels').fill('<script>alert(1)</script>');
    await page.getByRole('button', { name: 'Rapport opslaan' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    expect(await summary.locator('a').allInnerTexts()).toEqual([
      'Kies een status.',
      'Geef de voortgang als een geheel getal van 0 tot 100, of laat het veld leeg.',
      'De toelichting in het Engels moet gewone tekst zijn, zonder HTML-tags, van hoogstens 10.000 tekens.',
    ]);
    expect(await page.locator('#report-progress').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#report-progress').getAttribute('aria-describedby')).toContain('report-progress-error');
    await summary.getByRole('link', { name: /voortgang/ }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('report-progress');
    expect(path(page)).toBe(`/plan/actions/${own}/reports/2025`);
    await expectNoAxeViolations(page, 'report form with errors');
    expectNoCspErrors(tracked, 'report form with errors');

    const after = await getJson<ActionReply>(page, `/api/v1/plan/actions/${own}`);
    expect(after.reports).toEqual(before.reports);
    await tracked.context.close();
  });

  it('refuses the same editor for an action of another organisation (403)', async () => {
    const tracked = await openPage(browser);
    const { page } = tracked;
    await signIn(page, vdabEditor, `/plan/actions/${other}`);
    await poll(() => path(page)).toBe(`/plan/actions/${other}`);
    await waitForPage(page);
    expect(await page.getByRole('link', { name: /rapport voor \d{4} bijwerken/ }).count()).toBe(0);

    await page.goto(`/plan/actions/${other}/reports/2024`);
    await waitForPage(page);
    expect(await h1(page)).toBe('Geen toegang');
    const text = await page.locator('main').innerText();
    expect(text).toContain(`Je bent aangemeld als ${vdabEditor.email}`);
    expect(text).toContain(`je mag het rapport van actie ${other} niet bijwerken`);
    expect(await page.locator('main form').count()).toBe(0);
    await expectNoAxeViolations(page, 'report form refused');

    // The server refuses it too, whatever the page shows.
    const refused = await putReport(page, other, 2024, { status: 'implementing', narrative: { en: 'Not ours.' } });
    expect(refused.status()).toBe(403);
    expect(refused.headers()['content-type']).toContain('application/problem+json');
    expectNoCspErrors(tracked, 'report form refused');
    await tracked.context.close();
  });
});

describe('plan pages on a narrow screen', () => {
  it('fit 320 px without sideways scrolling', async () => {
    const { page, context } = await openPage(browser, { width: 320 });
    for (const url of ['/plan', '/plan/actions', '/plan/actions/K-02', '/plan/goals/a']) {
      await page.goto(url);
      await waitForPage(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${url} is wider than the screen`).toBeLessThanOrEqual(0);
    }
    await context.close();
  });

  it('answer unknown plan paths with HTTP 404', async () => {
    const { page, context } = await openPage(browser);
    expect((await page.goto('/plan/nope'))?.status()).toBe(404);
    expect((await page.goto('/plan/actions/K-02/reports'))?.status()).toBe(404);
    expect((await page.goto('/plan/goals/a'))?.status()).toBe(200);
    await context.close();
  });
});
