import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogOffer } from '../../api/catalog-types.ts';
import i18n from '../../i18n/index.ts';
import { draftErrors, draftFromOffer, emptyDraft, fieldOf, inputFromDraft, parseNumber } from './offer-draft.ts';

const t = i18n.t;
beforeAll(() => i18n.changeLanguage('en'));

describe('the offer form', () => {
  it('reads numbers with a comma or a point; empty is null; text is refused by the server', () => {
    expect(parseNumber('')).toBeNull();
    expect(parseNumber(' 12,5 ')).toBe(12.5);
    expect(parseNumber('1 200')).toBe(1200);
    expect(parseNumber('twelve')).toBeNaN();
  });

  it('sends only filled texts, nulls for empty optional fields, and the rows in order', () => {
    const d = emptyDraft();
    d.externalId = ' W-1 ';
    d.title = { nl: 'Lassen', fr: '', en: ' Welding ' };
    d.priceEur = '250';
    d.levelEqf = '3';
    d.locations = [{ key: 1, postalCode: '9000', place: '' }];
    d.sessions = [{ key: 2, startsOn: '2027-01-04', endsOn: '2027-03-01', schedule: 'evening', seatsLeft: '', postalCode: '' }];
    d.skills = [{ uri: 'http://data.europa.eu/esco/skill/x', label: 'weld' }];
    const input = inputFromDraft(d);
    expect(input).toMatchObject({
      externalId: 'W-1',
      title: { nl: 'Lassen', en: 'Welding' },
      summary: {},
      levelEqf: 3,
      priceEur: 250,
      contactHours: null,
      incentiveDb: null,
      url: null,
      locations: [{ postalCode: '9000' }],
      sessions: [{ startsOn: '2027-01-04', endsOn: '2027-03-01', schedule: 'evening', seatsLeft: null, postalCode: null }],
      skills: ['http://data.europa.eu/esco/skill/x'],
      status: 'draft',
    });
    expect(input.title).not.toHaveProperty('fr');
    // a number field with text in it is sent as text, so the server names that field
    expect(inputFromDraft({ ...d, priceEur: 'free' }).priceEur).toBe('free');
    expect(inputFromDraft({ ...d, inIncentiveDb: true, incentiveDbId: 'X', incentiveDbFrom: '2026-01-01' }).incentiveDb).toEqual({ id: 'X', validFrom: '2026-01-01', validUntil: null });
  });

  it('turns an offer back into the form, an archived one as a draft', () => {
    const offer = {
      externalId: 'W-1', title: { nl: 'Lassen' }, summary: {}, description: { en: 'About' }, kind: 'course', levelEqf: null, language: 'nl', format: 'blended',
      contactHours: 40, studyCredits: null, priceEur: 0, priceIncludes: null, incentiveDb: null, vouchers: true, trainingCredit: false,
      skills: [{ uri: 'u1', label: null, labelLang: null }], occupations: [], accessibility: null, url: null, status: 'archived',
      locations: [{ postalCode: '9000', place: 'Gent', lat: 51, lng: 3.7, province: 'Oost-Vlaanderen', region: 'flanders' }],
      sessions: [{ startsOn: '2027-01-04', endsOn: '2027-01-05', schedule: 'day', seatsLeft: 3, postalCode: null }],
    } as unknown as CatalogOffer;
    const d = draftFromOffer(offer);
    expect(d).toMatchObject({ title: { nl: 'Lassen', fr: '', en: '' }, contactHours: '40', priceEur: '0', levelEqf: '', status: 'draft', vouchers: true });
    expect(d.skills).toEqual([{ uri: 'u1', label: 'u1', lang: undefined }]);
    expect(d.sessions[0]).toMatchObject({ seatsLeft: '3', postalCode: '' });
    expect(inputFromDraft(d)).toMatchObject({ priceEur: 0, contactHours: 40, description: { en: 'About' }, locations: [{ postalCode: '9000', place: 'Gent' }] });
  });

  it("puts the server's field errors at their fields, named in the page's language", () => {
    expect(fieldOf('body.sessions.1.endsOn')).toEqual({ id: 'offer-session-1-endsOn', label: 'catalog.form.session.endsOn', values: { n: 2 } });
    expect(fieldOf('body.title')).toMatchObject({ id: 'offer-title-nl' });
    expect(fieldOf('body.title.fr').id).toBe('offer-title-fr');
    expect(fieldOf('body.locations').id).toBe('offer-locations-add');
    expect(fieldOf('body.incentiveDb.validUntil').id).toBe('offer-incentiveDb-validUntil');
    expect(fieldOf('querystring.provider').id).toBe('catalog-provider');
    expect(fieldOf('body.mystery').id).toBeUndefined();
    const { fields, summary } = draftErrors(
      [
        { field: 'body.priceEur', reason: 'Too big' },
        { field: 'body.sessions.0.endsOn', reason: 'must be on or after startsOn' },
        { field: 'body.title.en', reason: 'must be plain text' },
        { field: 'body.mystery', reason: 'odd' },
      ],
      t,
    );
    expect(summary).toEqual([
      { fieldId: 'offer-priceEur', message: 'Price in euros: Too big' },
      { fieldId: 'offer-session-0-endsOn', message: 'End date of session 1: must be on or after startsOn' },
      { fieldId: 'offer-title-en', message: 'Title (English): must be plain text' },
      { fieldId: undefined, message: 'Field body.mystery: odd' },
    ]);
    expect(fields['offer-priceEur']).toBe('Price in euros: Too big');
  });
});
