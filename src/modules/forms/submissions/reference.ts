import { referenceScheme } from '../../../platform/reference.ts';

export { checkCharacter, REFERENCE_ALPHABET } from '../../../platform/reference.ts';

/** Form submissions: "BX7K-9M2Q-T", eight random characters and the check character. */
const submissions = referenceScheme(8, [4, 4, 1]);

export const newReference = (random?: (max: number) => number): string => submissions.create(random);
export const normaliseReference = (input: string): string | null => submissions.normalise(input);
export const isValidReference = (input: string): boolean => submissions.normalise(input) !== null;
