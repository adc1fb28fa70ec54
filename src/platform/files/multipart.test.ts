import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Fastify from 'fastify';
import { uploadsPlugin, postedUploads } from './multipart.ts';
import { multipartBody, sampleFiles } from './samples.ts';

async function appWithUploads() {
  const app = Fastify();
  await app.register(async (scope) => {
    await scope.register(uploadsPlugin, { maxFileBytes: 1024, maxFiles: 2 });
    // As the CSRF check does, a preHandler sees the fields as plain strings.
    scope.addHook('preHandler', async (request) => {
      const body = request.body;
      if (typeof body === 'object' && body !== null && '_csrf' in body && typeof body._csrf !== 'string') throw new Error('_csrf is not text');
    });
    scope.post('/upload', async (request) => {
      const body = typeof request.body === 'object' && request.body !== null ? request.body : {};
      return {
        fields: Object.fromEntries(Object.entries(body).filter(([k]) => k !== 'evidence')),
        files: postedUploads(request.body, 'evidence').map((u) => ({ name: u.name, size: u.bytes.length, truncated: u.truncated })),
      };
    });
  });
  app.post('/elsewhere', async () => 'ok');
  return app;
}

describe('multipart form posts', () => {
  it('gives fields as text and files as uploads, marking one cut short at the limit', async () => {
    const app = await appWithUploads();
    const { payload, contentType } = multipartBody({ _csrf: 'token', colour: ['red', 'blue'] }, [
      { field: 'evidence', name: 'C:\\photos\\bin.png', bytes: sampleFiles.png() },
      { field: 'evidence', name: 'big.pdf', bytes: Buffer.alloc(4096, 7) },
    ]);
    const res = await app.inject({ method: 'POST', url: '/upload', payload, headers: { 'content-type': contentType } });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), {
      fields: { _csrf: 'token', colour: ['red', 'blue'] },
      files: [
        { name: 'bin.png', size: sampleFiles.png().length, truncated: false },
        { name: 'big.pdf', size: 1024, truncated: true },
      ],
    });
    await app.close();
  });

  it('ignores an empty file input, and refuses more files than the limit', async () => {
    const app = await appWithUploads();
    const empty = multipartBody({ _csrf: 't' }, [{ field: 'evidence', name: '', bytes: Buffer.alloc(0) }]);
    const res = await app.inject({ method: 'POST', url: '/upload', payload: empty.payload, headers: { 'content-type': empty.contentType } });
    assert.deepEqual(res.json().files, []);
    const many = multipartBody({}, [1, 2, 3].map((n) => ({ field: 'evidence', name: `${n}.png`, bytes: sampleFiles.png() })));
    const refused = await app.inject({ method: 'POST', url: '/upload', payload: many.payload, headers: { 'content-type': many.contentType } });
    assert.equal(refused.statusCode, 413);
    await app.close();
  });

  it('is only taken by the routes of the scope that registered it', async () => {
    const app = await appWithUploads();
    const { payload, contentType } = multipartBody({ a: 'b' });
    const res = await app.inject({ method: 'POST', url: '/elsewhere', payload, headers: { 'content-type': contentType } });
    assert.equal(res.statusCode, 415);
    await app.close();
  });
});
