import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser.ts';
import { expectNoAxeViolations, expectNoCspErrors, getJson, openPage, waitForPage } from './helpers.ts';

// Signpost in the browser: the adaptive questionnaire in Dutch, by keyboard, evaluated on the device
// (no answer is sent), results with amounts, reasons and sources; from a catalogue offer; employers.

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

type Truth = Record<string, string | number | boolean>;
const lowQualified: Truth = {
  'person.employmentStatus': 'employee', 'person.workplaceRegion': 'flanders', 'person.residenceRegion': 'flanders', 'person.sector': 'private',
  'person.employerHeadcount': 35, 'person.timeCreditForTraining': false, 'person.unemploymentBenefit': false, 'person.qualificationLevel': 'low',
  'person.employmentFractionMarch': 1, 'person.employmentFraction': 1, 'person.weeklyHours': 38, 'person.workExperienceYears': 15,
  'person.careerVouchersUsedLast6Years': 0, 'person.careerVouchersEverUsed': false, 'person.careerGuidanceWithPop': false, 'person.jointCommittee': '124',
  'person.birthDate': '1988-04-12',
  'training.inIncentivesDatabase': true, 'training.paidByEmployer': false, 'training.contactHours': 40, 'training.studyCredits': 0,
  'training.degreeKind': 'none', 'training.category': 'other', 'training.vksLevel': 5, 'training.leadsToShortageOccupation': false,
  'training.leadsToQualification': true, 'training.initiative': 'own', 'training.inPersonalDevelopmentPlan': false, 'training.costEur': 300,
};
const fractions = new Set(['person.employmentFraction', 'person.employmentFractionMarch', 'person.employmentFractionBeforeTimeCredit', 'employer.publicParticipation']);

/** Answers the questions with the keyboard alone until the results appear; returns the facts asked. */
async function answerAll(page: Page, truth: Truth, max = 40): Promise<string[]> {
  const asked: string[] = [];
  for (let i = 0; i < max; i++) {
    const form = page.locator('form.signpost-question');
    const results = page.locator('#signpost-results');
    await expect.poll(async () => (await form.count()) + (await results.count()), { timeout: 15_000 }).toBeGreaterThan(0);
    if (await results.count()) return asked;
    const fact = (await form.getAttribute('data-fact'))!;
    asked.push(fact);
    // the new question has focus (its heading)
    expect(await page.evaluate(() => document.activeElement?.classList.contains('signpost-question__title'))).toBe(true);
    const value = truth[fact];
    if (value === undefined) {
      await form.getByRole('button', { name: 'Ik weet het niet' }).focus();
      await page.keyboard.press('Enter');
    } else if (await form.locator('input[type=radio]').count()) {
      const values = await form.locator('input[type=radio]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
      const index = values.indexOf(String(value));
      expect(index, `${fact}=${String(value)} among ${values.join(',')}`).toBeGreaterThanOrEqual(0);
      await page.keyboard.press('Tab'); // to the radio group
      await page.keyboard.press('Space'); // checks the first
      for (let k = 0; k < index; k++) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
    } else {
      await page.keyboard.press('Tab');
      await page.keyboard.type(fractions.has(fact) ? String(Number(value) * 100) : String(value));
      await page.keyboard.press('Enter');
    }
    await expect.poll(async () => (await results.count()) > 0 || (await form.getAttribute('data-fact').catch(() => null)) !== fact || asked.filter((f) => f === fact).length > 1, { timeout: 15_000 }).toBe(true);
  }
  throw new Error(`no results after ${max} questions: ${asked.join(', ')}`);
}

const card = (page: Page, status: 'eligible' | 'notEligible' | 'undetermined', id: string) => page.locator(`section[aria-labelledby="signpost-${status}"] #result-${id}`).locator('xpath=..');

describe('Signpost for citizens', () => {
  it('tells a low-qualified employee in Dutch, by keyboard and without sending the answers, about training leave and vouchers', { timeout: 240_000 }, async () => {
    const tracked = await openPage(browser);
    const { page } = tracked;
    const sent: string[] = [];
    page.on('request', (r) => { if (r.url().includes('/api/')) sent.push(`${r.method()} ${new URL(r.url()).pathname} ${r.postData() ?? ''}`); });
    await page.goto('/signpost');
    await waitForPage(page);
    expect(await page.locator('main h1').innerText()).toBe('Wegwijzer opleidingsincentives');
    expect(await page.locator('.signpost-privacy').innerText()).toMatch(/toestel/);
    await expectNoAxeViolations(page, 'signpost intro');
    await page.getByRole('button', { name: 'Starten' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('form.signpost-question').waitFor();
    expect(await page.locator('form.signpost-question').getAttribute('data-fact')).toBe('person.employmentStatus');
    await expectNoAxeViolations(page, 'signpost question');
    // Results come once every status is decided, in fewer questions than the vocabulary has facts.
    const asked = await answerAll(page, lowQualified);
    expect(asked.length).toBeLessThanOrEqual(16);
    expect(asked).not.toContain('person.careerGuidanceWithPop');

    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('signpost-results');
    const vov = card(page, 'eligible', 'vlaams-opleidingsverlof');
    const vouchers = card(page, 'eligible', 'opleidingscheques');
    // the hours wait for the optional questions (study credits, degree, initiative); the text says so
    expect(await vov.innerText()).toMatch(/hangt ook af van/);
    // reasons in Dutch, each with its legal source, and the values used with their dates
    expect(await vov.locator('ul li a.signpost-source').count()).toBeGreaterThan(0);
    expect(await vov.innerText()).toMatch(/minimum \(\d+ %/);
    await vouchers.locator('details summary').click();
    expect(await vouchers.locator('details').innerText()).toMatch(/te controleren|geldig vanaf/);
    expect(await vouchers.locator('a[href^="http"]').count()).toBeGreaterThan(1);
    // and the offers these incentives pay for
    expect(await vov.locator('a[href="/catalog?incentive=vov"]').count()).toBe(1);
    await expectNoAxeViolations(page, 'signpost results');

    // The optional questions for exact amounts, then the same results, fully decided.
    const refine = page.getByRole('button', { name: /voor exacte bedragen/ });
    await refine.focus();
    await page.keyboard.press('Enter');
    const more = await answerAll(page, lowQualified);
    expect(more.length).toBeGreaterThan(0);
    expect(more.filter((f) => asked.includes(f))).toEqual([]);
    expect(await refine.count()).toBe(0);
    expect(await card(page, 'eligible', 'vlaams-opleidingsverlof').innerText()).toMatch(/Uren: 40\b/);
    expect(await card(page, 'eligible', 'opleidingscheques').innerText()).toMatch(/Bedrag: €\s125,00/);

    // Only the public rules were fetched: no answer left the browser.
    expect(sent.filter((s) => !s.startsWith('GET '))).toEqual([]);
    expect(sent.some((s) => s.includes('/api/v1/incentives/rules'))).toBe(true);
    expect(sent.join('\n')).not.toContain('1988-04-12');
    expectNoCspErrors(tracked, 'signpost');
    await tracked.context.close();
  });

  it('tells a higher-educated employee without career guidance why vouchers are not possible', { timeout: 180_000 }, async () => {
    const tracked = await openPage(browser);
    const { page } = tracked;
    await page.goto('/signpost');
    await waitForPage(page);
    await page.getByRole('button', { name: 'Starten' }).click();
    const asked = await answerAll(page, { ...lowQualified, 'person.qualificationLevel': 'high', 'person.careerGuidanceWithPop': false });
    const vouchers = card(page, 'notEligible', 'opleidingscheques');
    expect(await vouchers.innerText()).toMatch(/Waarom niet/);
    expect(await vouchers.innerText()).toMatch(/loopbaanbegeleiding/);
    expect(await vouchers.locator('a.signpost-source[href^="https://www.vlaanderen.be/"]').count()).toBeGreaterThan(0);
    expect(await card(page, 'eligible', 'vlaams-opleidingsverlof').count()).toBe(1);
    // "Change your answers" goes back to the last question, with its answer kept.
    await page.getByRole('button', { name: 'Je antwoorden wijzigen' }).click();
    const form = page.locator('form.signpost-question');
    await form.waitFor();
    expect(await form.getAttribute('data-fact')).toBe(asked.at(-1));
    const kept = (await form.locator('input[type=radio]').count())
      ? await form.locator('input[type=radio]:checked').count()
      : (await form.locator('input').inputValue()).length;
    expect(kept).toBeGreaterThan(0);
    await tracked.context.close();
  });

  it('starts from a catalogue offer with its training facts filled in, and asks fewer questions', { timeout: 180_000 }, async () => {
    const tracked = await openPage(browser);
    const { page } = tracked;
    const hits = (await getJson<{ hits: Array<{ id: string }> }>(page, '/api/v1/catalog/offers?incentive=vov&pageSize=1')).hits;
    await page.goto(`/catalog/offers/${hits[0]!.id}`);
    await waitForPage(page);
    await page.getByRole('link', { name: /Wegwijzer/ }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/signpost');
    await page.getByText('Wat de catalogus erover zegt', { exact: false }).waitFor();
    expect(await page.locator('.signpost .notice li').count()).toBeGreaterThan(2);
    await page.getByRole('button', { name: 'Starten' }).click();
    const asked = await answerAll(page, lowQualified);
    expect(asked).not.toContain('training.inIncentivesDatabase');
    expect(asked).not.toContain('training.contactHours');
    await expectNoAxeViolations(page, 'signpost from an offer');
    await tracked.context.close();
  });
});

describe('Signpost for employers', () => {
  it('gives a small enterprise the KMO-portefeuille with its amount and the federal training days per employee', { timeout: 180_000 }, async () => {
    const tracked = await openPage(browser);
    const { page } = tracked;
    await page.goto('/signpost/employer');
    await waitForPage(page);
    expect(await page.locator('main h1').innerText()).toBe('Wegwijzer voor werkgevers');
    await page.getByRole('button', { name: 'Starten' }).click();
    const asked = await answerAll(page, {
      'employer.headcount': 12, 'employer.turnoverEur': 1_500_000, 'employer.balanceTotalEur': 900_000, 'employer.region': 'flanders',
      'employer.naceCode': '62.01', 'employer.legalForm': 'bv', 'employer.publicParticipation': 0, 'employer.jointCommittee': '200',
      'training.costEur': 2000, 'training.theme': 'digitalisation', 'training.providerRegisteredKmo': true,
    });
    expect(asked.every((f) => f.startsWith('employer.') || f.startsWith('training.'))).toBe(true);
    const kmo = card(page, 'eligible', 'kmo-portefeuille');
    expect(await kmo.innerText()).toMatch(/Bedrag: €\s[\d.]+,\d\d/);
    const federal = card(page, 'eligible', 'federaal-opleidingsrecht');
    expect(await federal.innerText()).toMatch(/per voltijdse werknemer/);
    await expectNoAxeViolations(page, 'signpost employer results');
    expectNoCspErrors(tracked, 'signpost employer');
    await tracked.context.close();
  });
});
