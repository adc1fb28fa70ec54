-- Every version of every form, from the repository's forms/*.json or published by staff.
-- A version never changes once stored: submissions and drafts name the version they were made with.
create table form_versions (
  form_id text not null,
  version integer not null check (version >= 1),
  definition jsonb not null,
  source text not null check (source in ('repo', 'staff')),
  published_by uuid references users (id) on delete set null,
  published_at timestamptz not null default now(),
  primary key (form_id, version)
);

-- Save and return: a signed-in resident's draft belongs to their account; anyone else's is
-- found by the token in the emailed link, of which only a hash is kept.
create table form_drafts (
  id uuid primary key default gen_random_uuid(),
  form_id text not null,
  form_version integer not null,
  user_id uuid references users (id) on delete cascade,
  email text,
  token_hash text unique,
  answers jsonb not null,
  answered text[] not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  expires_at timestamptz not null,
  foreign key (form_id, form_version) references form_versions (form_id, version),
  check (user_id is not null or token_hash is not null)
);
create index form_drafts_user on form_drafts (user_id, updated_at desc) where user_id is not null;
create index form_drafts_expiry on form_drafts (expires_at);

create table form_submissions (
  id uuid primary key default gen_random_uuid(),
  reference text not null unique,
  form_id text not null,
  form_version integer not null,
  form_title text not null,
  answers jsonb not null,
  channel text not null check (channel in ('online', 'assisted')),
  user_id uuid references users (id) on delete set null,
  staff_id uuid references users (id) on delete set null,
  contact jsonb not null default '{}',
  submitted_at timestamptz not null default now(),
  foreign key (form_id, form_version) references form_versions (form_id, version)
);
create index form_submissions_user on form_submissions (user_id, submitted_at desc) where user_id is not null;
create index form_submissions_form on form_submissions (form_id, submitted_at desc);
-- A signed-in resident has one draft of each form, which saving again updates.
create unique index form_drafts_user_form on form_drafts (user_id, form_id) where user_id is not null;
