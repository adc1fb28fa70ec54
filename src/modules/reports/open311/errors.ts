import { list, type Open311List } from './format.ts';

export interface Open311Problem {
  /** Usually the HTTP status; the spec allows a more specific code. */
  code: number;
  /** Meant for the person using the client, so plain and specific. */
  description: string;
}

/**
 * An expected refusal, answered in the spec's error format: 404 for what does not exist,
 * 403 for a wrong or missing api_key, 400 for anything else the request got wrong.
 */
export class Open311Error extends Error {
  readonly problems: Open311Problem[];

  constructor(
    readonly statusCode: 400 | 403 | 404 | 429 | 500,
    descriptions: string | string[],
  ) {
    const all = [descriptions].flat();
    super(all.join('; '));
    this.problems = all.map((description) => ({ code: statusCode, description }));
  }
}

export function badRequest(descriptions: string | string[]): Open311Error {
  return new Open311Error(400, descriptions);
}

export function notFound(description: string): Open311Error {
  return new Open311Error(404, description);
}

export function errorBody(problems: Open311Problem[]): Open311List {
  return list(
    'error',
    problems.map((p) => ({ code: p.code, description: p.description })),
  );
}
