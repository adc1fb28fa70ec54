import type { Responsibility } from '../contracts.ts';

/** What a resident is told when the problem is not the council's to fix, and whom to tell instead. */
export function responsibleMessage(responsibility: Responsibility, boroughName: string): string | undefined {
  switch (responsibility) {
    case 'national_highways':
      return 'National Highways looks after motorways and major A roads: report it at nationalhighways.co.uk or call 0300 123 5000.';
    case 'private':
      return 'This road is not maintained by the council. It is a private road, so the people who own it are responsible for repairs.';
    case 'outside_borough':
      return `This place is outside ${boroughName}. Contact the council for the area it is in.`;
    case 'council':
      return undefined;
  }
}
