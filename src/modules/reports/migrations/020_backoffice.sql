-- The staff back office: who may use it, the teams reports are assigned to, and moderation.
insert into permissions (name, description) values
  ('reports.manage', 'Work on street reports: the queue, updates, assignment and exports'),
  ('reports.moderate', 'Hide or redact what residents wrote on street reports');

insert into role_permissions (role, permission) values
  ('admin', 'reports.manage'),
  ('admin', 'reports.moderate'),
  ('highways_officer', 'reports.manage'),
  ('highways_officer', 'reports.moderate'),
  ('inspector', 'reports.manage');

-- Rows, not code, so a council can name its own teams.
create table report_teams (
  code text primary key check (code ~ '^[a-z][a-z0-9_]{1,39}$'),
  name text not null
);
insert into report_teams (code, name) values
  ('highways', 'Highways maintenance'),
  ('street_lighting', 'Street lighting'),
  ('drainage', 'Drainage');

-- Who is dealing with a report now: a team, an inspector, or both. One row per report.
create table report_assignments (
  report_id uuid primary key references reports (id) on delete cascade,
  team_code text references report_teams (code) on delete set null,
  inspector_id uuid references users (id) on delete set null,
  assigned_by uuid references users (id) on delete set null,
  assigned_at timestamptz not null default now()
);
create index report_assignments_team on report_assignments (team_code) where team_code is not null;
create index report_assignments_inspector on report_assignments (inspector_id) where inspector_id is not null;

-- Moderation: what a moderator did, with what the report said before, so staff still see the
-- original. The report row itself holds only what the public may see.
create table report_moderations (
  id uuid primary key default gen_random_uuid(),
  report_id uuid not null references reports (id) on delete cascade,
  action text not null check (action in ('hidden', 'redacted', 'shown')),
  reason text not null check (char_length(reason) between 1 and 1000),
  original_description text not null,
  original_photo_file_ids uuid[] not null default '{}',
  public_description text not null,
  public_photo_file_ids uuid[] not null default '{}',
  moderator_id uuid references users (id) on delete set null,
  created_at timestamptz not null default now()
);
create index report_moderations_report on report_moderations (report_id, created_at);
