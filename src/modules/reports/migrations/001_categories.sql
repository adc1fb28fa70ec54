-- The kinds of problem a resident can report (Open311 calls them services). Rows, not code, so a
-- council can retire one or rename it without a release; the questions live in each form (forms/*.json).
create table report_categories (
  code text primary key check (code ~ '^[a-z][a-z0-9_]{1,39}$'),
  name text not null,
  group_name text not null,
  description text not null,
  asset_layer text check (asset_layer in ('streetlights', 'gullies')),
  form_id text not null,
  default_priority text not null check (default_priority in ('emergency', 'urgent', 'standard', 'low')),
  located_by text not null check (located_by in ('asset', 'street')),
  -- How long a 'standard' report of this kind has before it is due; the other priorities have fixed times.
  standard_response_hours integer not null check (standard_response_hours > 0),
  -- Shown when the answers make it dangerous: call rather than wait for a report to be read.
  emergency_phone text,
  active boolean not null default true,
  sort_order integer not null default 0
);

insert into report_categories (code, name, group_name, description, asset_layer, form_id, default_priority, located_by, standard_response_hours, emergency_phone, sort_order) values
  ('streetlight', 'Streetlight fault', 'Street lighting', 'A streetlight that is not working, is on during the day, flickers, or is damaged', 'streetlights', 'report-streetlight', 'standard', 'asset', 7 * 24, '0161 217 6111', 1),
  ('blocked_drain', 'Blocked drain or gully', 'Drains and flooding', 'A road drain (gully) that is blocked, smells, or has a broken or missing cover', 'gullies', 'report-drain', 'standard', 'asset', 5 * 24, '0161 217 6111', 2),
  ('pothole', 'Pothole', 'Roads and pavements', 'A hole in the road, the pavement or a cycle lane', null, 'report-pothole', 'standard', 'street', 5 * 24, '0161 217 6111', 3);
