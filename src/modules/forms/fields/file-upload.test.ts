import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FileAnswer } from '../contracts.ts';
import type { Upload } from '../../../platform/files/index.ts';
import { sampleFiles } from '../../../platform/files/samples.ts';
import { standardFieldTypes } from './index.ts';
import { fileUploadField, FileUploadField } from './file-upload.ts';
import type { FieldContext } from './types.ts';

function make(definition: Record<string, unknown>): FileUploadField {
  const made = fileUploadField.create({ type: 'file-upload', name: 'evidence', label: 'A photo of the problem', ...definition }, standardFieldTypes());
  assert.ok('field' in made && made.field instanceof FileUploadField, JSON.stringify(made));
  return made.field;
}

function context(answers: Record<string, unknown> = {}): FieldContext & { saved: FileAnswer[] } {
  const saved: FileAnswer[] = [];
  return {
    saved,
    answers,
    today: '2026-06-04',
    areaName: 'Stockport',
    lookups: {
      gazetteer: { findByPostcode: async () => [], address: async () => null, searchStreets: async () => [], street: async () => null, postcodeInBorough: async () => true },
      assets: { layer: () => undefined },
      files: {
        async save(upload, kind) {
          const answer = { fileId: `file-${saved.length + 1}`, name: upload.name, type: kind, size: upload.bytes.length };
          saved.push(answer);
          return answer;
        },
      },
    },
  };
}

const upload = (name: string, bytes: Buffer, truncated = false): Upload => ({ name, bytes, truncated });

describe('the file upload field', () => {
  it('checks its definition', () => {
    assert.deepEqual(fileUploadField.create({ type: 'file-upload', name: 'evidence', label: 'Photo', kinds: ['exe'] }, standardFieldTypes()), {
      problems: [{ path: ['kinds', 0], message: 'must be one of jpg, png, webp, heic, pdf' }],
    });
    assert.ok('problems' in fileUploadField.create({ type: 'file-upload', name: 'evidence', label: 'Photo', maxSizeMb: 50 }, standardFieldTypes()));
  });

  it('keeps a file whose content is an image, and stays on the page when "Upload file" was pressed', async () => {
    const field = make({ maxFiles: 3 });
    const ctx = context();
    const reading = await field.read({ evidence: upload('bin.png', sampleFiles.png()), action: 'evidence-upload' }, ctx);
    assert.deepEqual(reading.errors, []);
    assert.equal(reading.stay, true);
    assert.deepEqual(reading.value, [{ fileId: 'file-1', name: 'bin.png', type: 'png', size: sampleFiles.png().length }]);
    const view = reading.view([], { asHeading: false });
    assert.equal(view.template, 'forms-staff/file-upload.njk');
    assert.equal(view.params.multipart, true);
  });

  it('refuses a program called photo.jpg, and a file too large, in GOV.UK words', async () => {
    const one = make({});
    const ctx = context();
    const exe = await one.read({ evidence: upload('photo.jpg', sampleFiles.exe()) }, ctx);
    assert.deepEqual(exe.errors, [{ href: '#evidence', text: 'The selected file must be a JPG, PNG or PDF' }]);
    assert.equal(exe.value, undefined);
    assert.deepEqual(ctx.saved, [], 'nothing refused is kept');
    const big = await one.read({ evidence: upload('huge.jpg', sampleFiles.jpg(), true) }, ctx);
    assert.deepEqual(big.errors, [{ href: '#evidence', text: 'The selected file must be smaller than 10MB' }]);
    const several = make({ maxFiles: 3, maxSizeMb: 2 });
    const named = await several.read({ evidence: [upload('a.pdf', sampleFiles.pdf(), true), upload('b.exe', sampleFiles.exe())] }, ctx);
    assert.deepEqual(named.errors.map((e) => e.text), ['a.pdf must be smaller than 2MB', 'b.exe must be a JPG, PNG or PDF']);
  });

  it('adds to the files given before, up to the most it takes, and removes one', async () => {
    const field = make({ maxFiles: 2 });
    const before: FileAnswer[] = [{ fileId: 'old-1', name: 'letter.pdf', type: 'application/pdf', size: 10 }];
    const added = await field.read({ evidence: upload('bin.jpg', sampleFiles.jpg()) }, context({ evidence: before }));
    assert.deepEqual(added.errors, []);
    assert.deepEqual(field.answer(added.value)?.map((f) => f.name), ['letter.pdf', 'bin.jpg']);
    assert.equal(added.stay, false);
    const full = await field.read({ evidence: [upload('c.jpg', sampleFiles.jpg()), upload('d.jpg', sampleFiles.jpg())] }, context({ evidence: before }));
    assert.deepEqual(full.errors, [{ href: '#evidence', text: 'You can upload up to 2 files' }]);
    const removed = await field.read({ 'evidence-remove': 'old-1' }, context({ evidence: before }));
    assert.equal(removed.stay, true);
    assert.equal(removed.value, undefined);
  });

  it('is required unless optional, and summarises files by name', async () => {
    const field = make({});
    assert.deepEqual(await field.validate(undefined, context()), [{ href: '#evidence', text: 'Select a photo of the problem' }]);
    assert.deepEqual(await make({ optional: true }).validate(undefined, context()), []);
    assert.deepEqual(field.summary([{ fileId: 'f', name: 'bin.png', type: 'image/png', size: 3 }]), ['bin.png']);
  });
});
