import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { checkUpload, displayName, MEGABYTE, sizeLabel } from './index.ts';
import { kindList, sniffKind } from './sniff.ts';
import { LocalDiskStorage } from './storage.ts';
import { sampleFiles } from './samples.ts';

const images = { kinds: ['jpg', 'png', 'pdf'] as const, maxBytes: 10 * MEGABYTE };

describe('file uploads', () => {
  it('knows a file by its content, not its name', async () => {
    assert.equal(await sniffKind(sampleFiles.jpg(), ['jpg', 'png', 'pdf']), 'jpg');
    assert.equal(await sniffKind(sampleFiles.png(), ['jpg', 'png', 'pdf']), 'png');
    assert.equal(await sniffKind(sampleFiles.pdf(), ['jpg', 'png', 'pdf']), 'pdf');
    assert.equal(await sniffKind(sampleFiles.exe(), ['jpg', 'png', 'pdf']), undefined);
    assert.equal(await sniffKind(sampleFiles.pdf(), ['jpg', 'png']), undefined);
    assert.equal(await sniffKind(Buffer.from('just some text'), ['jpg', 'png', 'pdf']), undefined);
  });

  it('refuses a program called photo.jpg, an empty file and a file too large, in GOV.UK words', async () => {
    assert.deepEqual(await checkUpload({ name: 'photo.jpg', bytes: sampleFiles.exe(), truncated: false }, images), {
      ok: false,
      problem: 'wrong-type',
      message: 'The selected file must be a JPG, PNG or PDF',
    });
    assert.deepEqual(await checkUpload({ name: 'a.png', bytes: Buffer.alloc(0), truncated: false }, images), { ok: false, problem: 'empty', message: 'The selected file is empty' });
    const big = await checkUpload({ name: 'a.jpg', bytes: sampleFiles.jpg(), truncated: true }, images);
    assert.deepEqual(big, { ok: false, problem: 'too-large', message: 'The selected file must be smaller than 10MB' });
    assert.deepEqual(await checkUpload({ name: 'a.jpg', bytes: sampleFiles.jpg(), truncated: false }, images), { ok: true, kind: 'jpg' });
  });

  it('writes sizes and lists of kinds as people read them', () => {
    assert.equal(sizeLabel(10 * MEGABYTE), '10MB');
    assert.equal(sizeLabel(2.5 * MEGABYTE), '2.5MB');
    assert.equal(sizeLabel(500 * 1024), '500KB');
    assert.equal(kindList(['pdf']), 'PDF');
    assert.equal(kindList(['jpg', 'png']), 'JPG or PNG');
  });

  it('keeps only the last part of a name, without control characters', () => {
    assert.equal(displayName('C:\\Users\\ada\\My photo.jpg'), 'My photo.jpg');
    assert.equal(displayName('../../etc/passwd'), 'passwd');
    assert.equal(displayName('bad\u0000name\n.pdf'), 'badname.pdf');
    assert.equal(displayName(''), 'file');
  });

  it('stores bytes on disk under random ids and refuses any other id', async () => {
    const storage = new LocalDiskStorage(mkdtempSync(path.join(os.tmpdir(), 'lastmile-files-')));
    const id = randomUUID();
    await storage.put(id, sampleFiles.pdf());
    assert.deepEqual(await storage.get(id), sampleFiles.pdf());
    await storage.remove(id);
    assert.equal(await storage.get(id), null);
    await assert.rejects(storage.get('../../etc/passwd'), /Not a file id/);
  });
});
