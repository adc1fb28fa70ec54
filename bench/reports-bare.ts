/**
 * The baseline for report submission: bare Fastify taking the same JSON and storing it with one
 * INSERT into the same PostgreSQL, and nothing else. Reads PORT and DATABASE_URL.
 */
import Fastify from 'fastify';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
await pool.query(`create table if not exists bench_bare_reports (
  id uuid primary key default gen_random_uuid(), category_code text not null, lon float8 not null, lat float8 not null,
  asset_id text, description text not null, answers jsonb not null, created_at timestamptz not null default now())`);
const app = Fastify();
app.get('/', async () => 'ok');
app.post<{ Body: { categoryCode: string; lon: number; lat: number; assetId?: string; description: string; answers: object } }>('/', async (request, reply) => {
  const b = request.body;
  const row = await pool.query<{ id: string }>('insert into bench_bare_reports (category_code, lon, lat, asset_id, description, answers) values ($1, $2, $3, $4, $5, $6) returning id', [
    b.categoryCode,
    b.lon,
    b.lat,
    b.assetId ?? null,
    b.description,
    JSON.stringify(b.answers),
  ]);
  return reply.code(201).send({ id: row.rows[0]?.id });
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
