import { describe, expect, it } from 'vitest';
import { describeFigure } from './headline-text';
import type { Figure } from './headline';

const plain = (text: string | null) => text?.replace(/[\u00a0\u202f]/g, ' ') ?? null;
const base = { meetsDesign: null, change: null, tone: null, design: null } as const;

describe('a headline figure in words', () => {
  it('says service time against 5 minutes, with its change in minutes', () => {
    const figure: Figure = { id: 'serviceMedian', unit: 'minutes', value: 4.5, design: 5, meetsDesign: true, change: -0.5, tone: 'better' };
    const text = describeFigure('ru', figure);
    expect(text).toMatchObject({ label: 'Время обслуживания, медиана', value: '4,5 мин', design: 'по проекту: 5 мин', verdict: 'соответствует проектному значению', tone: 'лучше' });
    expect(text.change).toMatch(/^[-−]0,5 мин к прошлой неделе$/);
  });

  it('says applications a day against 108 and a month against 2,376, grouped as the language groups', () => {
    const day = describeFigure('en', { ...base, id: 'perDay', unit: 'decimal', value: 52.5, design: 108, meetsDesign: false });
    expect(day).toMatchObject({ value: '52.5', design: 'design: 108', verdict: 'short of the design figure', change: null });
    const month = describeFigure('kk', { ...base, id: 'perMonth', unit: 'decimal', value: 1155, design: 2376, meetsDesign: false });
    expect(plain(month.design)).toBe('жоба бойынша: 2 376');
    expect(plain(month.value)).toBe('1 155');
  });

  it('gives a share its change in percentage points, and no change as such', () => {
    const up = describeFigure('en', { ...base, id: 'completion', unit: 'share', value: 0.786, change: 8.6, tone: 'better' });
    expect(up).toMatchObject({ value: '78.6%', change: '+8.6 pp on the week before', tone: 'better', design: null, verdict: null });
    const same = describeFigure('kk', { ...base, id: 'offline', unit: 'share', value: null, change: 0, tone: 'same' });
    expect(same).toMatchObject({ value: '—', change: 'алдыңғы аптаға 0 п. т.', tone: 'өзгеріссіз' });
  });
});
