-- The website's content: every saved version of every item, and a copy of what is live for fast reads.

insert into permissions (name, description) values
  ('site.edit', 'Write and edit website content, menus and search settings'),
  ('site.publish', 'Publish, schedule, unpublish and roll back website content');
insert into role_permissions (role, permission) values
  ('admin', 'site.edit'),
  ('admin', 'site.publish'),
  ('editor', 'site.edit'),
  ('publisher', 'site.edit'),
  ('publisher', 'site.publish');

create extension if not exists pg_trgm;

-- One row per page or alert. `path` is the address its latest version asks for (reserved while it is a draft);
-- `published_version` points at the version that is live, null when it is not.
create table site_content (
  id uuid primary key default gen_random_uuid(),
  type text not null check (type in ('home', 'topic', 'guide', 'start', 'step_by_step', 'news', 'event', 'contact', 'publication', 'alert')),
  path text unique,
  latest_version integer not null default 1,
  published_version integer,
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((type = 'alert') = (path is null))
);

-- Every version an editor saved, never changed afterwards: history, preview, diff and rollback read these.
create table site_content_versions (
  content_id uuid not null references site_content (id) on delete cascade,
  version integer not null check (version >= 1),
  document jsonb not null,
  author_id uuid references users (id) on delete set null,
  note text not null default '' check (char_length(note) <= 500),
  created_at timestamptz not null default now(),
  primary key (content_id, version)
);

-- What the public sees: one row per live item, written when a version is published (or mirrored from Contentful).
-- Pages, listings, the A–Z and search read only this table.
create table site_published (
  content_id uuid primary key,
  type text not null,
  path text unique,
  title text not null,
  summary text not null,
  topic_ids uuid[] not null default '{}',
  document jsonb not null,
  version integer not null,
  first_published_at timestamptz not null default now(),
  published_at timestamptz not null default now()
);
create index site_published_type on site_published (type);
create index site_published_topics on site_published using gin (topic_ids);

-- Any change to live content tells every app node to drop its cached pages.
create function site_published_changed() returns trigger language plpgsql as $$
begin
  perform pg_notify('site_published', coalesce(new.content_id, old.content_id)::text);
  return null;
end $$;
create trigger site_published_notify after insert or update or delete on site_published
  for each row execute function site_published_changed();

create table site_redirects (
  from_path text primary key,
  to_path text not null,
  permanent boolean not null default true,
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now()
);

create table site_menu_links (
  menu text not null check (menu in ('header', 'footer')),
  position integer not null,
  text text not null,
  href text not null,
  primary key (menu, position)
);

-- One row: the site's name, tagline and logo. Without it the council's name from the settings is used.
create table site_settings (
  singleton boolean primary key default true check (singleton),
  name text not null,
  tagline text not null default '',
  logo_url text,
  updated_at timestamptz not null default now()
);
