import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser.ts';
import { baseUrl, expectNoAxeViolations, expectNoCspErrors, getJson, openPage, signIn, waitForPage } from './helpers.ts';
import { admin, editor } from './users.ts';

// The training catalogue in the browser: search with place, radius and facets; an offer page with
// its skills, incentives and JSON-LD; keyboard only; provider pages. The default seed loads a few
// thousand generated (synthetic) offers built from ESCO occupations, welders among them.

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 });
const h1 = (page: Page) => page.locator('main h1').innerText();
const path = (page: Page) => new URL(page.url()).pathname;
const search = (page: Page, key: string) => new URL(page.url()).searchParams.getAll(key);
const suffix = Date.now().toString(36);
/** "Gevonden opleidingen: 1.234" → 1234 */
const countOf = (text: string) => Number((/(\d[\d.]*)\D*$/.exec(text)?.[1] ?? 'NaN').replace(/\./g, ''));

type Hit = { id: string; title: Record<string, string>; provider: { id: string }; distanceKm: number | null; synthetic: boolean };
type SearchReply = { total: number; hits: Hit[]; synthetic: boolean; facets: Record<string, Array<{ value: string; count: number }>> };


async function send(page: Page, method: 'post' | 'put', url: string, body: unknown) {
  const me = (await (await page.request.get('/api/v1/auth/me')).json()) as { csrfToken: string };
  return page.request[method](url, { data: body, headers: { 'X-CSRF-Token': me.csrfToken, 'Content-Type': 'application/json' } });
}



/** The URL query as sorted key=value pairs, to compare two spellings of one search. */
const canonical = (query: string) => [...new URLSearchParams(query)].map(([k, v]) => `${k}=${v}`).sort().join('&');

/** Waits for the answer to the search in the URL (the results carry the query they answer); returns its count. */
async function waitForResults(page: Page): Promise<number> {
  await poll(async () => {
    const shown = await page.locator('.catalog-results').getAttribute('data-query');
    return shown !== null && canonical(shown) === canonical(new URL(page.url()).search);
  }).toBe(true);
  await poll(() => page.locator('.result-count').innerText()).toMatch(/^Gevonden opleidingen: \d/);
  return countOf(await page.locator('.result-count').innerText());
}

/** Presses Tab until the focused element matches the selector (at most `max` times). */
async function tabTo(page: Page, selector: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

describe('catalogue search', () => {
  it('finds welding courses near Gent for "lassen" near 9000 within 20 km, with the synthetic notice', async () => {
    const tracked = await openPage(browser);
    const { page } = tracked;
    const response = await page.goto('/catalog');
    expect(response?.status()).toBe(200);
    await waitForPage(page);
    expect(await h1(page)).toBe('Opleidingen zoeken');
    expect(await page.locator('.site-nav a[aria-current="page"]').innerText()).toBe('Opleidingen');

    await page.locator('#catalog-q').fill('lassen');
    await page.locator('#catalog-near').fill('9000');
    await page.locator('#catalog-km').selectOption('20');
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await poll(() => search(page, 'q')).toEqual(['lassen']);
    expect(search(page, 'near')).toEqual(['9000']);
    const total = await waitForResults(page);
    expect(total).toBeGreaterThan(0);

    const api = await getJson<SearchReply>(page, '/api/v1/catalog/offers?q=lassen&near=9000&km=20&pageSize=20');
    expect(total).toBe(api.total);
    expect(api.hits.every((h) => h.distanceKm !== null && h.distanceKm <= 20)).toBe(true);
    // the generated offers are built from ESCO occupations: welders teach welding
    const titles = await page.locator('.offer-hit__title').allInnerTexts();
    expect(titles.length).toBe(Math.min(20, total));
    expect(titles.some((t) => /las|weld|soud/i.test(t)), titles.join(' | ')).toBe(true);
    expect(await page.locator('main').innerText()).toMatch(/Rond 9000 Gent, binnen 20 km\./);
    const distances = await page.locator('.offer-hit__meta').allInnerTexts();
    expect(distances.every((d) => /\d+(,\d)? km ver/.test(d))).toBe(true);
    // generated data says so
    expect(api.synthetic).toBe(true);
    expect(await page.locator('.notice--synthetic').innerText()).toContain('Voorbeeldgegevens.');

    // the search is in the URL: reloading shows the same answer
    await page.reload();
    await waitForPage(page);
    expect(await waitForResults(page)).toBe(total);
    expect(await page.locator('#catalog-q').inputValue()).toBe('lassen');
    expect(await page.locator('#catalog-near').inputValue()).toBe('9000');

    await expectNoAxeViolations(page, 'catalogue search');
    expectNoCspErrors(tracked, 'catalogue search');
    await tracked.context.close();
  });

  it('narrows the list with a facet whose count matches the results, and back/forward work', async () => {
    const tracked = await openPage(browser);
    const { page } = tracked;
    await page.goto('/catalog?q=lassen');
    await waitForPage(page);
    const before = await waitForResults(page);
    const online = page.locator('.facets input[type="checkbox"][id="facet-format-online"]');
    const label = await page.locator('label[for="facet-format-online"]').innerText();
    expect(label).toMatch(/^Online \(\d[\d.]*\)$/);
    const facetCount = countOf(label);
    expect(facetCount).toBeGreaterThan(0);
    expect(facetCount).toBeLessThan(before);
    await online.check();
    await poll(() => search(page, 'format')).toEqual(['online']);
    await poll(() => waitForResults(page)).toBe(facetCount);
    expect(await online.isChecked()).toBe(true);
    const api = await getJson<SearchReply>(page, '/api/v1/catalog/offers?q=lassen&format=online');
    expect(api.total).toBe(facetCount);

    await page.goBack();
    await poll(() => search(page, 'format')).toEqual([]);
    await poll(() => waitForResults(page)).toBe(before);
    expect(await online.isChecked()).toBe(false);
    await page.goForward();
    await poll(() => waitForResults(page)).toBe(facetCount);
    await tracked.context.close();
  });

  it('suggests which filter to relax when nothing matches', async () => {
    const tracked = await openPage(browser);
    const { page } = tracked;
    // a search with no hits for which the server names a filter to relax (found through the API)
    const candidates = ['q=lassen&level=8', 'q=lassen&price=free', 'q=lassen&near=9000&km=1', 'q=lassen&format=online&level=1', 'q=lassen&near=Arlon&km=5'];
    let query = '';
    for (const candidate of candidates) {
      const reply = await getJson<SearchReply & { suggestions?: unknown[] }>(page, `/api/v1/catalog/offers?${candidate}`);
      if (reply.total === 0 && (reply.suggestions?.length ?? 0) > 0) {
        query = candidate;
        break;
      }
    }
    expect(query, 'no candidate search without hits but with a suggestion').not.toBe('');
    await page.goto(`/catalog?${query}`);
    await waitForPage(page);
    expect(await waitForResults(page)).toBe(0);
    expect(await page.locator('.zero-results').innerText()).toContain('Geen opleidingen gevonden');
    const links = page.locator('.zero-results li a');
    expect(await links.count()).toBeGreaterThan(0);
    await links.first().click();
    expect(await waitForResults(page)).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'catalogue zero results');
    await tracked.context.close();
  });
});

describe('offer page', () => {
  it('shows the skills, the incentives with reasons, the ESCO attribution and Course JSON-LD, without CSP violations', async () => {
    const tracked = await openPage(browser);
    const { page } = tracked;
    await page.goto('/catalog?q=lassen');
    await waitForPage(page);
    await waitForResults(page);
    const first = page.locator('.offer-hit__title a').first();
    const title = await first.innerText();
    await first.click();
    await poll(() => path(page)).toMatch(/^\/catalog\/offers\/[0-9a-f-]{36}$/);
    await waitForPage(page);
    expect(await h1(page)).toBe(title);
    const main = page.locator('main');
    expect(await main.locator('.notice--synthetic').innerText()).toContain('gegenereerd');
    expect(await main.locator('.offer-skills li').count()).toBeGreaterThan(0);
    expect(await main.locator('.incentive-list li').count()).toBe(4);
    expect(await main.locator('.incentive-list').innerText()).toMatch(/Vlaams opleidingsverlof: (ja|nee) \(/);
    expect(await main.locator('.esco-attribution').innerText()).toMatch(/ESCO/);
    expect(await main.locator('table.offer-sessions tbody tr').count()).toBeGreaterThan(0);
    // schema.org Course as a JSON-LD data block (never executed, so script-src does not apply)
    await page.locator('script[type="application/ld+json"]').waitFor({ state: 'attached' });
    const jsonld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}') as Record<string, unknown>;
    expect(jsonld['@type']).toBe('Course');
    expect(jsonld.name).toBeTruthy();
    expect(await page.locator('link[rel="alternate"][type="application/ld+json"]').count()).toBe(1);

    await expectNoAxeViolations(page, 'offer page');
    expectNoCspErrors(tracked, 'offer page');
    await tracked.context.close();
  });

  it('says so for an unknown offer', async () => {
    const { page, context } = await openPage(browser);
    await page.goto('/catalog/offers/00000000-0000-4000-8000-000000000000');
    await waitForPage(page);
    expect(await h1(page)).toBe('Opleiding niet gevonden');
    await context.close();
  });
});

describe('keyboard only', () => {
  it('searches with an autocomplete suggestion, ticks a facet and opens a result', async () => {
    const tracked = await openPage(browser);
    const { page } = tracked;
    await page.goto('/catalog');
    await waitForPage(page);
    await waitForResults(page);
    await tabTo(page, '#catalog-q');
    await page.keyboard.type('lass');
    // the suggestions: a listbox the box controls, stepped through with the arrow keys
    await poll(() => page.locator('#catalog-q').getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('ArrowDown');
    const active = await page.locator('#catalog-q').getAttribute('aria-activedescendant');
    expect(active).toBeTruthy();
    const option = page.locator(`[id="${active}"]`);
    expect(await option.getAttribute('aria-selected')).toBe('true');
    const chosen = (await option.locator('span').first().innerText()).trim();
    await page.keyboard.press('Enter');
    await poll(() => search(page, 'q')).toEqual([chosen]);
    await waitForResults(page);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('catalog-q');
    // Escape closes a list; a second Escape would clear the box
    await tabTo(page, '.facets input[type="checkbox"]');
    const box = await page.evaluate(() => document.activeElement?.id ?? '');
    await page.keyboard.press('Space');
    await poll(() => page.url()).toMatch(/[?&](format|incentive|schedule|price|level|lang|region|province|providerKind|shortage)=/);
    await waitForResults(page);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(box);
    expect(await page.locator(`[id="${box}"]`).isChecked()).toBe(true);
    await tabTo(page, '.offer-hits a', 200);
    const title = await page.evaluate(() => (document.activeElement as HTMLElement).innerText);
    await page.keyboard.press('Enter');
    await poll(() => path(page)).toMatch(/^\/catalog\/offers\//);
    await waitForPage(page);
    expect(await h1(page)).toBe(title);
    expectNoCspErrors(tracked, 'keyboard search');
    await tracked.context.close();
  });
});

describe('provider pages', () => {
  const provider = { email: `provider-${suffix}@koers.test`, password: `e2e-provider-${suffix}-Pa55word!` };
  let ownId = '';
  let otherOfferId = '';
  let created: { title: string; path: string } | null = null;

  beforeAll(async () => {
    // A provider account bound to an existing provider, made through the admin API (global-setup is shared).
    // not openPage(): its screenshot-on-failure hook only works inside a test
    const context = await browser.newContext({ baseURL: baseUrl() });
    const page = await context.newPage();
    await signIn(page, admin);
    await page.waitForURL((url) => url.pathname === '/');
    const providers = await getJson<{ items: Array<{ id: string; offerCount?: number }> }>(page, '/api/v1/catalog/providers?pageSize=50');
    expect(providers.items.length).toBeGreaterThan(1);
    ownId = providers.items[0]!.id;
    const created = await send(page, 'post', '/api/v1/users', { email: provider.email, password: provider.password, role: 'provider', providerId: ownId });
    expect(created.status(), await created.text()).toBe(201);
    const hits = await getJson<SearchReply>(page, '/api/v1/catalog/offers?pageSize=50');
    otherOfferId = hits.hits.find((h) => h.provider.id !== ownId)?.id ?? '';
    expect(otherOfferId).not.toBe('');
    await context.close();
  });

  it('creates an offer through the form (server errors in a summary first); the pages pass axe without CSP violations', async () => {
    const tracked = await openPage(browser);
    const { page } = tracked;
    await signIn(page, provider, '/catalog/my-offers');
    await poll(() => path(page)).toBe('/catalog/my-offers');
    await waitForPage(page);
    expect(await h1(page)).toBe('Mijn opleidingen');
    await expectNoAxeViolations(page, 'my offers');

    await page.getByRole('link', { name: 'Nieuwe opleiding' }).click();
    await poll(() => path(page)).toBe('/catalog/my-offers/new');
    await waitForPage(page);
    await expectNoAxeViolations(page, 'new offer form');

    // first without a title: the server names the field, the summary links to it
    await page.locator('#offer-externalId').fill(`E2E-${suffix}`);
    await page.getByRole('button', { name: 'Opleiding aanmaken' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toMatch(/Titel \(Nederlands\)/);
    await expectNoAxeViolations(page, 'new offer form with errors');

    const title = `E2E-lascursus ${suffix}`;
    await page.locator('#offer-title-nl').fill(title);
    await page.locator('#offer-format').selectOption('blended');
    await page.getByRole('button', { name: 'Plaats toevoegen' }).click();
    await page.locator('#offer-location-0-postalCode').fill('9000');
    await page.getByRole('button', { name: 'Sessie toevoegen' }).click();
    await page.locator('#offer-session-0-startsOn').fill('2027-09-06');
    await page.locator('#offer-session-0-endsOn').fill('2027-12-13');
    await page.locator('#offer-priceEur').fill('180');
    await page.locator('#offer-skills-q').fill('welding');
    await page.getByRole('button', { name: 'Zoeken in ESCO' }).first().click();
    const add = page.locator('.esco-picker__found button').first();
    await add.waitFor();
    await add.click();
    expect(await page.locator('.esco-picker__chosen li').count()).toBe(1);
    await page.locator('#offer-status').selectOption('published');
    await page.getByRole('button', { name: 'Opleiding aanmaken' }).click();
    await poll(() => path(page)).toMatch(/^\/catalog\/offers\/[0-9a-f-]{36}$/);
    await waitForPage(page);
    expect(await h1(page)).toBe(title);
    expect(await page.locator('.offer-skills li').count()).toBe(1);
    const offerPath = path(page);
    created = { title, path: offerPath };

    await page.goto(`${offerPath}/edit`.replace('/catalog/offers/', '/catalog/my-offers/'));
    await waitForPage(page);
    expect(await h1(page)).toBe('Opleiding bewerken');
    expect(await page.locator('#offer-title-nl').inputValue()).toBe(title);
    await expectNoAxeViolations(page, 'edit offer form');
    expectNoCspErrors(tracked, 'provider pages');
    await tracked.context.close();
  });

  // Needs a server route listing a provider's own offers in every status (web/src/pages/catalog/catalog-paths.ts).
  it('lists the new offer in "my offers"', async () => {
    expect(created, 'the offer of the previous test').not.toBeNull();
    const tracked = await openPage(browser);
    const { page } = tracked;
    await signIn(page, provider, '/catalog/my-offers');
    await poll(() => path(page)).toBe('/catalog/my-offers');
    await waitForPage(page);
    const row = page.locator('table.my-offers tbody tr', { hasText: created!.title });
    await poll(() => row.count()).toBe(1);
    expect(await row.locator('a').first().getAttribute('href')).toBe(created!.path);
    await expectNoAxeViolations(page, 'my offers with an offer');
    await tracked.context.close();
  });

  it('dry-runs an import and shows the per-row report', async () => {
    const tracked = await openPage(browser);
    const { page } = tracked;
    await signIn(page, provider, '/catalog/import');
    await poll(() => path(page)).toBe('/catalog/import');
    await waitForPage(page);
    await expectNoAxeViolations(page, 'import page');
    const offers = [
      { externalId: `IMP-${suffix}-1`, title: { nl: 'Geïmporteerde cursus' }, kind: 'course', language: 'nl', format: 'online' },
      { externalId: `IMP-${suffix}-2`, title: {}, kind: 'course', language: 'nl', format: 'online' },
    ];
    await page.locator('#catalog-import-file').setInputFiles({ name: 'offers.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(offers)) });
    expect(await page.locator('#catalog-import-dry-run').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Proefimport uitvoeren' }).click();
    const result = page.locator('section[aria-labelledby="catalog-import-result"]');
    await result.waitFor();
    expect(await result.innerText()).toContain('Er is niets geïmporteerd.');
    expect(await result.locator('.import-rows tbody tr').count()).toBe(2);
    expect(await result.innerText()).toMatch(/Met fouten/);
    await expectNoAxeViolations(page, 'import report');
    expectNoCspErrors(tracked, 'import page');
    await tracked.context.close();
  });

  it("shows the forbidden page for another provider's offer", async () => {
    const { page, context } = await openPage(browser);
    await signIn(page, provider, `/catalog/my-offers/${otherOfferId}/edit`);
    await poll(() => path(page)).toBe(`/catalog/my-offers/${otherOfferId}/edit`);
    await waitForPage(page);
    expect(await h1(page)).toBe('Geen toegang');
    expect(await page.locator('main').innerText()).toContain('eigen organisatie');
    // and the API agrees: nothing is written
    const res = await send(page, 'put', `/api/v1/catalog/offers/${otherOfferId}`, { externalId: 'x', title: { nl: 'x' }, kind: 'course', language: 'nl', format: 'online' });
    expect([403, 404]).toContain(res.status());
    await context.close();
  });

  it('sends anonymous visitors to the login page and shows other roles why not', async () => {
    const { page, context } = await openPage(browser);
    await page.goto('/catalog/my-offers');
    await poll(() => path(page)).toBe('/login');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/catalog/my-offers');
    await signIn(page, editor, '/catalog/import');
    await poll(() => path(page)).toBe('/catalog/import');
    await waitForPage(page);
    expect(await h1(page)).toBe('Geen toegang');
    expect(await page.locator('main').innerText()).toContain('Alleen accounts van opleidingsverstrekkers en beheerders');
    await context.close();
  });
});
