create table reports (
  id uuid primary key default gen_random_uuid(),
  reference text not null unique,
  category_code text not null references report_categories (code),
  state text not null default 'open' check (state in (
    'open', 'investigating', 'action_scheduled', 'in_progress', 'fixed',
    'closed_not_responsible', 'closed_duplicate', 'closed_no_further_action', 'closed_internal_referral')),
  priority text not null check (priority in ('emergency', 'urgent', 'standard', 'low')),
  lon double precision not null check (lon between -180 and 180),
  lat double precision not null check (lat between -90 and 90),
  ward_code text,
  usrn bigint,
  asset_id text,
  description text not null check (char_length(description) <= 4000),
  location_description text check (char_length(location_description) <= 1000),
  answers jsonb not null default '{}',
  photo_file_ids uuid[] not null default '{}',
  reporter_user_id uuid references users (id) on delete set null,
  reporter_name text,
  reporter_email text,
  reporter_phone text,
  show_name boolean not null default false,
  channel text not null check (channel in ('web', 'assisted', 'open311', 'phone')),
  staff_id uuid references users (id) on delete set null,
  open311_client_id text,
  duplicate_of uuid references reports (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  due_at timestamptz,
  fixed_at timestamptz,
  closed_at timestamptz,
  reopened_count integer not null default 0,
  hidden boolean not null default false,
  external_reference text
);

-- The nearby-duplicate check: open, visible reports within ~50 m. A partial GiST index over the open
-- reports only stays small however many closed reports pile up (see bench/reports-nearby.ts). The
-- state list must match OPEN_STATES in code word for word, or the planner cannot use the index.
create index reports_open_near on reports using gist (ll_to_earth(lat, lon))
  where state in ('open', 'investigating', 'action_scheduled', 'in_progress') and not hidden;
-- "Already reported" on an asset, and duplicates on the same asset.
create index reports_open_asset on reports (asset_id)
  where asset_id is not null and state in ('open', 'investigating', 'action_scheduled', 'in_progress') and not hidden;
create index reports_reporter on reports (reporter_user_id, created_at desc) where reporter_user_id is not null;
create index reports_reporter_email on reports (lower(reporter_email)) where reporter_email is not null;
create index reports_created on reports (created_at desc);
create index reports_duplicate_of on reports (duplicate_of) where duplicate_of is not null;
create index reports_external on reports (external_reference) where external_reference is not null;
