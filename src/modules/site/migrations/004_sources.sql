-- Where the website's content comes from, and how its last sync went (one row).
-- `sync_token` is Contentful's token for the next sync page or delta; null means the next sync starts afresh.
create table site_source_state (
  singleton boolean primary key default true check (singleton),
  sync_token text,
  -- The space and environment the token belongs to ("space/environment"): a token from another never carries over.
  token_scope text,
  -- True while an initial sync is part way through its pages: its last page retires content from elsewhere.
  initial_in_progress boolean not null default false,
  last_run_at timestamptz,
  last_success_at timestamptz,
  last_applied integer not null default 0,
  last_removed integer not null default 0,
  last_skipped integer not null default 0,
  -- Entries skipped and rich text dropped in the last sync, for editors to fix: [{ entryId, message }].
  last_problems jsonb not null default '[]',
  last_error text,
  last_error_at timestamptz,
  -- Set when a webhook or a person asks for a sync; cleared when the sync starts, so a burst makes one job.
  sync_requested_at timestamptz
);
insert into site_source_state (singleton) values (true);

-- Contentful's entries and assets as the Sync API last sent them (fields keyed by field id, then by locale).
-- Kept because a delta names only what changed: a guide is mapped again from its stored sections when one of them
-- changes. `links` holds the ids an item refers to, so the items that depend on a change can be found.
create table site_contentful_items (
  id text primary key,
  kind text not null check (kind in ('Entry', 'Asset')),
  -- Our id for it (a name-based UUID of `id`): the key of its row in site_published when it is a page or alert.
  content_id uuid not null unique,
  content_type text,
  fields jsonb not null,
  links text[] not null default '{}',
  updated_at timestamptz not null,
  check ((kind = 'Entry') = (content_type is not null))
);
create index site_contentful_items_links on site_contentful_items using gin (links);
