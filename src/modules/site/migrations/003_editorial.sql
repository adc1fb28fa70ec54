-- Publishing and unpublishing at a time. A job fires at run_at; it acts only if its schedule is still pending, so
-- cancelling or replacing a schedule needs no access to the queue.
create table site_schedules (
  id uuid primary key default gen_random_uuid(),
  content_id uuid not null references site_content (id) on delete cascade,
  action text not null check (action in ('publish', 'unpublish')),
  -- The version a publisher approved; null for unpublishing.
  version integer,
  run_at timestamptz not null,
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  -- Pending while both are null; a schedule that came due but could not act is done, with its reason.
  cancelled_at timestamptz,
  done_at timestamptz,
  -- Why a schedule that came due did not act (e.g. its topic had been unpublished meanwhile).
  failed_reason text,
  check ((action = 'publish') = (version is not null))
);
-- One pending schedule of each kind per item: a new one replaces the old.
create unique index site_schedules_pending on site_schedules (content_id, action) where cancelled_at is null and done_at is null;
