// A headline figure in words, in the console's language: "4,5 мин", "по проекту: 5 мин",
// "−0,5 мин к прошлой неделе", with the verdicts a person reads beside the colour.
import type { Lang } from '../../src/protocol/common';
import { translate } from '../i18n';
import type { Figure, FigureUnit } from './headline';
import { formatCount, formatDecimal, formatShare, formatSigned } from './report-format';

export type FigureText = {
  label: string;
  value: string;
  /** "design: 5 min"; null where the pilot order sets no figure. */
  design: string | null;
  verdict: string | null;
  /** "+8,6 п. п. к прошлой неделе"; null where there is nothing to compare. */
  change: string | null;
  tone: string | null;
};

function inUnit(lang: Lang, unit: FigureUnit, n: number): string {
  switch (unit) {
    case 'count':
      return formatCount(lang, n);
    case 'minutes':
      return translate(lang, 'report.unit.minutes', { n: formatDecimal(lang, n) });
    case 'share':
      return formatShare(lang, n);
    case 'decimal':
      return formatDecimal(lang, n);
  }
}

function changeIn(lang: Lang, unit: FigureUnit, change: number): string {
  const signed = formatSigned(lang, change);
  if (unit === 'share') return translate(lang, 'report.unit.pp', { n: signed });
  if (unit === 'minutes') return translate(lang, 'report.unit.minutes', { n: signed });
  return signed;
}

export function describeFigure(lang: Lang, figure: Figure): FigureText {
  return {
    label: translate(lang, `report.fig.${figure.id}`),
    value: figure.value === null ? '—' : inUnit(lang, figure.unit, figure.value),
    design: figure.design === null ? null : translate(lang, 'report.design', { value: inUnit(lang, figure.unit, figure.design) }),
    verdict: figure.meetsDesign === null ? null : translate(lang, figure.meetsDesign ? 'report.meets' : 'report.misses'),
    change: figure.change === null ? null : translate(lang, 'report.change', { change: changeIn(lang, figure.unit, figure.change) }),
    tone: figure.tone === null ? null : translate(lang, `report.tone.${figure.tone}`),
  };
}
