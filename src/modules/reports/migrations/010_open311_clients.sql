-- Systems that use the Open311 server with an API key (a contractor, FixMyStreet, a council app).
-- Only the SHA-256 of a key is kept: a key is 32 random bytes, so a fast hash is enough to make a
-- stolen table useless, and it lets a request find its client by an indexed lookup.
create table open311_clients (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  key_hash text not null unique check (key_hash ~ '^[0-9a-f]{64}$'),
  -- When set, the client must send this jurisdiction_id with the calls that take its key.
  jurisdiction_id text,
  rate_limit_per_minute integer not null default 60 check (rate_limit_per_minute between 1 and 100000),
  created_at timestamptz not null default now(),
  revoked_at timestamptz
);
-- A name picks out one working key, so `open311 key revoke --name` is unambiguous.
create unique index open311_clients_live_name on open311_clients (lower(name)) where revoked_at is null;
