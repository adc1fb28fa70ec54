/**
 * Small files of each kind, made in code, for tests here and in modules that take uploads.
 * Each starts the way the real format does, which is all content sniffing reads.
 */
export const sampleFiles = {
  jpg: (): Buffer => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0', 'latin1'), Buffer.alloc(64, 1), Buffer.from([0xff, 0xd9])]),
  png: (): Buffer =>
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.from([0, 0, 0, 13]),
      Buffer.from('IHDR', 'latin1'),
      Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]),
      Buffer.from([0x90, 0x77, 0x53, 0xde]),
    ]),
  pdf: (): Buffer => Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1'),
  /** A Windows program (an "MZ" executable), to be sent under a picture's name. */
  exe: (): Buffer => {
    const bytes = Buffer.alloc(256, 0);
    bytes.write('MZ', 0, 'latin1');
    bytes.writeUInt32LE(128, 0x3c);
    bytes.write('PE\0\0', 128, 'latin1');
    return bytes;
  },
};

/** A `multipart/form-data` body as a browser builds it, for tests that post files. */
export function multipartBody(fields: Record<string, string | string[]>, files: { field: string; name: string; type?: string; bytes: Buffer }[] = []): { payload: Buffer; contentType: string } {
  const boundary = `----LastmileTest${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${item}\r\n`, 'utf8'));
    }
  }
  for (const file of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`, 'utf8'));
    parts.push(file.bytes, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
