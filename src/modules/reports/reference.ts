import { referenceScheme } from '../../platform/reference.ts';

export { REFERENCE_ALPHABET } from '../../platform/reference.ts';

/**
 * Street reports: "K7QD-M2X9", seven random characters and the check character — one fewer than
 * form submissions, so the two kinds can never be mistaken for each other.
 */
const reports = referenceScheme(7, [4, 4]);

export const newReportReference = (random?: (max: number) => number): string => reports.create(random);
export const normaliseReportReference = (input: string): string | null => reports.normalise(input);
