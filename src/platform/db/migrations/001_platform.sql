-- Which seeders have run, so the demo borough is seeded once, on first start.
create table lastmile_seeds (
  name text primary key,
  applied_at timestamptz not null default now()
);
