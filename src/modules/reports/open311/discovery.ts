import { list, type Open311Object } from './format.ts';

/** When this server's Open311 interface last changed in a way clients should notice. */
export const CHANGESET = '2026-11-26T00:00:00Z';

export const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';

/** The Service Discovery document: where the endpoint is and what it speaks. */
export function discovery(opts: { baseUrl: string; councilName: string; production: boolean }): Open311Object {
  return {
    changeset: CHANGESET,
    contact: `${opts.councilName}: use the contact details on ${opts.baseUrl}`,
    key_service: `API keys for writing (POST requests and servicerequestupdates) are issued by ${opts.councilName}. Reading needs no key.`,
    endpoints: list('endpoint', [
      {
        specification: SPECIFICATION,
        url: `${opts.baseUrl.replace(/\/$/, '')}/open311/v2`,
        changeset: CHANGESET,
        type: opts.production ? 'production' : 'test',
        formats: list('format', ['text/xml', 'application/json']),
      },
    ]),
  };
}
