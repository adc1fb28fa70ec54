-- Which categories of report go to a contractor's system, and how. `route` is a ContractorRoute
-- (src/modules/reports/contracts.ts). Secrets are named, never stored: `apiKeyEnv` and `secretEnv`
-- name environment variables, and an Open311 `endpoint` of the form `$NAME` is read from one too,
-- so a route whose variable is unset is "not routed" and the report stays with the council.
create table integration_routes (
  category_code text primary key,
  route jsonb not null check (route->>'type' in ('open311', 'webhook')),
  enabled boolean not null default true,
  updated_at timestamptz not null default now()
);

-- One row per (report, destination): the unique key is what makes a report never be sent to the
-- same contractor twice, however often it is enqueued (a retried submit, a category changed back).
-- Status is what staff see: pending (trying, with retries), sent, or failed (the dead letter, after
-- the last retry or at once when the contractor refused the report), with a "Resend".
create table integration_deliveries (
  id uuid primary key default gen_random_uuid(),
  report_id text not null,
  report_reference text not null,
  category_code text not null,
  -- The destination (type, endpoint or URL, service code), without secrets' names.
  route_key text not null,
  -- The contractor's system (an Open311 endpoint and jurisdiction, or a webhook URL): its request ids
  -- are unique within it, and its status updates are read once for all its services.
  system_key text not null,
  -- The route as it was when the report was routed: a later change of routing does not move it.
  route jsonb not null,
  status text not null default 'pending' check (status in ('pending', 'sent', 'failed')),
  attempts integer not null default 0,
  last_error text,
  -- Held while an attempt is in flight, so two runs of the job cannot send the report side by side.
  leased_until timestamptz,
  -- The last attempt may have reached the contractor (no answer in time, or a server error):
  -- the next one looks the request up before posting it again.
  maybe_received boolean not null default false,
  -- The contractor's service_request_id (or an Open311 token until it gives one).
  external_id text,
  external_token text,
  first_attempt_at timestamptz,
  sent_at timestamptz,
  failed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (report_id, route_key)
);
create index integration_deliveries_by_status on integration_deliveries (status, updated_at desc);
create index integration_deliveries_by_external_id on integration_deliveries (system_key, external_id) where external_id is not null;

-- How far each contractor's system's status updates have been read (the high-water mark for polling).
create table integration_poll_marks (
  system_key text primary key,
  polled_to timestamptz not null,
  last_polled_at timestamptz not null default now(),
  last_error text
);

-- The demo borough's streetlights go to the lighting contractor, when CONTRACTOR_STREETLIGHTS_OPEN311_URL
-- is set. Unset (the default) means not routed, so the demo works offline.
insert into integration_routes (category_code, route) values
  ('streetlight', '{"type": "open311", "endpoint": "$CONTRACTOR_STREETLIGHTS_OPEN311_URL", "apiKeyEnv": "CONTRACTOR_STREETLIGHTS_OPEN311_KEY", "serviceCode": "streetlight"}');

insert into permissions (name, description) values
  ('integrations.manage', 'See reports sent to contractors'' systems and resend those that failed');

insert into role_permissions (role, permission) values
  ('admin', 'integrations.manage'),
  ('highways_officer', 'integrations.manage');
