import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseErrors, parsePostedRequest, parseRequestUpdates, parseServiceRequests } from './xml.ts';

describe('reading GeoReport v2 XML', () => {
  it('reads the id from a POST answer, keeping it as the string it was ("00123" is not 123)', () => {
    const xml = '<?xml version="1.0" encoding="utf-8"?><service_requests><request><service_request_id>00123</service_request_id><service_notice>Within 7 days</service_notice><account_id/></request></service_requests>';
    assert.deepEqual(parsePostedRequest(xml), { serviceRequestId: '00123', token: undefined });
  });

  it('reads a batch service’s token, and refuses an answer with neither id nor token', () => {
    assert.deepEqual(parsePostedRequest('<service_requests><request><token>T-9</token></request></service_requests>'), { serviceRequestId: undefined, token: 'T-9' });
    assert.equal(parsePostedRequest('<service_requests><request><account_id/></request></service_requests>'), undefined);
    assert.equal(parsePostedRequest('<html>Service Unavailable</html>'), undefined);
    assert.equal(parsePostedRequest('not xml at all <<<'), undefined);
  });

  it('lists requests, one or many, with descriptions and dates', () => {
    const one = parseServiceRequests('<service_requests><request><service_request_id>1</service_request_id><description>Council reference: A\n\nDark</description><requested_datetime>2026-06-04T14:15:00+01:00</requested_datetime></request></service_requests>');
    assert.deepEqual(one, [{ serviceRequestId: '1', status: undefined, serviceCode: undefined, description: 'Council reference: A\n\nDark', requestedAt: new Date('2026-06-04T13:15:00Z') }]);
    assert.deepEqual(parseServiceRequests('<service_requests></service_requests>'), []);
    assert.equal(parseServiceRequests('<errors/>'), undefined);
  });

  it('reads mySociety’s servicerequestupdates in the order they happened, leaving out incomplete ones', () => {
    const xml = `<service_request_updates>
      <request_update><update_id>2</update_id><service_request_id>SR1</service_request_id><status>FIXED</status><updated_datetime>2026-06-05T10:00:00Z</updated_datetime><description>Lamp replaced</description><external_status_code>LC5</external_status_code></request_update>
      <request_update><update_id>1</update_id><service_request_id>SR1</service_request_id><status>IN_PROGRESS</status><updated_datetime>2026-06-04T10:00:00Z</updated_datetime><description/></request_update>
      <request_update><update_id>3</update_id><service_request_id>SR1</service_request_id><status>OPEN</status><updated_datetime>not a date</updated_datetime></request_update>
    </service_request_updates>`;
    assert.deepEqual(parseRequestUpdates(xml), [
      { updateId: '1', serviceRequestId: 'SR1', status: 'IN_PROGRESS', updatedAt: new Date('2026-06-04T10:00:00Z'), description: undefined, externalStatusCode: undefined },
      { updateId: '2', serviceRequestId: 'SR1', status: 'FIXED', updatedAt: new Date('2026-06-05T10:00:00Z'), description: 'Lamp replaced', externalStatusCode: 'LC5' },
    ]);
    assert.deepEqual(parseRequestUpdates('<service_request_updates/>'), []);
  });

  it('reads GeoReport errors', () => {
    assert.equal(parseErrors('<errors><error><code>400</code><description>service_code was not provided</description></error><error><code>400</code><description>lat is missing</description></error></errors>'), '400: service_code was not provided; 400: lat is missing');
    assert.equal(parseErrors('Internal Server Error'), undefined);
  });
});
