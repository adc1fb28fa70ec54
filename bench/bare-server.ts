/** The baseline: bare Fastify answering with fixed bytes (and a bare POST), nothing else. */
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

const [file] = process.argv.slice(2);
const body = file ? readFileSync(file) : Buffer.from('ok');
const app = Fastify();
app.get('/', async (_request, reply) => reply.type('text/html; charset=utf-8').send(body));
app.post('/', async (_request, reply) => reply.redirect('/'));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
