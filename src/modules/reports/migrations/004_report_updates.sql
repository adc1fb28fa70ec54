-- What happened to a report, in order: state changes, public updates, residents' information and
-- staff's internal notes. `visibility` 'internal' is never shown to the public or sent to anyone.
create table report_updates (
  id uuid primary key default gen_random_uuid(),
  report_id uuid not null references reports (id) on delete cascade,
  visibility text not null check (visibility in ('public', 'internal')),
  from_state text,
  to_state text,
  text text check (char_length(text) <= 4000),
  -- Who: staff (a user id), a contractor or Open311 client (their id), the resident, or the system.
  author_kind text not null check (author_kind in ('staff', 'open311', 'contractor', 'system', 'resident')),
  author_id text,
  -- The sending system's id for the update, so a retried delivery is applied once.
  external_update_id text,
  created_at timestamptz not null default now(),
  -- clock_timestamp(): the moment the row was written, so updates recorded in one order read back in it.
  recorded_at timestamptz not null default clock_timestamp(),
  -- A state change names both states; the first update (the report arriving) names only 'open'.
  check (from_state is null or to_state is not null)
);
create index report_updates_report on report_updates (report_id, created_at);
create unique index report_updates_external on report_updates (report_id, external_update_id) where external_update_id is not null;
