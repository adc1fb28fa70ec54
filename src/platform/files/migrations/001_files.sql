-- Uploaded files: the bytes live in file storage (DATA_DIR/files by default); this is what we know about them.
create table files (
  id uuid primary key,
  -- The name on the person's computer, for display only: never used as a path.
  name text not null,
  -- Sniffed from the content, not taken from the browser.
  content_type text not null,
  size_bytes integer not null check (size_bytes > 0),
  sha256 text not null,
  -- What the file is for (e.g. 'forms'), so an owner can find and clean up its own.
  purpose text not null,
  created_at timestamptz not null default now()
);
create index files_purpose_created on files (purpose, created_at);
