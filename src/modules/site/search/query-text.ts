/** The longest query the search box takes. */
export const MAX_QUERY_LENGTH = 200;

/** How queries are compared and stored: lower case, trimmed, single spaces ("Bin  Day " → "bin day"). */
export function normaliseQuery(query: string): string {
  return query.trim().replace(/\s+/g, ' ').toLowerCase();
}

export const PERSONAL_DATA_REMOVED = '[personal data removed]';

const EMAIL = /[^\s@]+@[^\s@]+/;
// Ten or more digits, allowing the spaces, dots, dashes and brackets people type in phone numbers.
const PHONE = /(?:\+?\d[\s().-]*){10,}/;
const POSTCODE = /\b[a-z]{1,2}\d[a-z\d]?\s*\d[a-z]{2}\b/i;
const HOUSE_NUMBER = /\b\d{1,4}[a-z]?\b/i;

/**
 * Whether a query might identify someone: an email address, a phone number, or a postcode with a house number
 * (a postcode alone covers a street, and people search for their area's bin day with one).
 */
export function looksPersonal(query: string): boolean {
  if (EMAIL.test(query) || PHONE.test(query)) return true;
  const postcode = POSTCODE.exec(query);
  if (!postcode) return false;
  const rest = query.slice(0, postcode.index) + ' ' + query.slice(postcode.index + postcode[0].length);
  return HOUSE_NUMBER.test(rest);
}

/** The words a query's spelling is checked word by word: letters only, as the vocabulary holds them. */
export function queryWords(query: string): string[] {
  return [...new Set(query.toLowerCase().match(/\p{L}{3,40}/gu) ?? [])];
}

/** The query with misspelt words replaced, keeping everything else the person typed. */
export function replaceWords(query: string, corrections: Map<string, string>): string {
  return query.replace(/\p{L}{3,40}/gu, (word) => corrections.get(word.toLowerCase()) ?? word);
}
