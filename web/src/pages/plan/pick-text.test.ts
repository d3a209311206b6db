import { describe, expect, it } from 'vitest';
import { paragraphs, pickText } from './pick-text.ts';

describe('pickText', () => {
  it('takes the UI language when the text has it', () => {
    expect(pickText({ nl: 'kennis', en: 'knowledge' }, 'en')).toEqual({ text: 'knowledge', language: 'en' });
    expect(pickText({ nl: 'kennis', fr: 'savoir' }, 'fr')).toEqual({ text: 'savoir', language: 'fr' });
  });

  it('falls back to Dutch, then English, then French, and says which', () => {
    expect(pickText({ nl: 'kennis', en: 'knowledge' }, 'fr')).toEqual({ text: 'kennis', language: 'nl' });
    expect(pickText({ en: 'knowledge agenda for LLL' }, 'nl')).toEqual({ text: 'knowledge agenda for LLL', language: 'en' });
    expect(pickText({ fr: 'savoir', en: 'knowledge' }, 'nl')).toEqual({ text: 'knowledge', language: 'en' });
    expect(pickText({ fr: 'savoir' }, 'en')).toEqual({ text: 'savoir', language: 'fr' });
  });

  it('skips blank texts and has nothing for an empty one', () => {
    expect(pickText({ nl: '  ', en: 'knowledge' }, 'nl')).toEqual({ text: 'knowledge', language: 'en' });
    expect(pickText({}, 'nl')).toBeNull();
    expect(pickText(null, 'nl')).toBeNull();
  });
});

describe('paragraphs', () => {
  it('starts a paragraph at each line break and drops empty ones', () => {
    expect(paragraphs('First.\nSecond.\n\n\nThird.  ')).toEqual(['First.', 'Second.', 'Third.']);
    expect(paragraphs('   ')).toEqual([]);
  });
});
