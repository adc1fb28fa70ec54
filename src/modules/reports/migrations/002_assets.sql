-- Things on the street a report can be about: streetlights and road gullies. Ids are the numbers
-- on the plates ("SL-01234"). Reports keep an asset's id without a foreign key, so replacing the
-- asset register (an import) never has to rewrite or block on old reports.
create table street_assets (
  id text primary key,
  layer text not null check (layer in ('streetlights', 'gullies')),
  lon double precision not null,
  lat double precision not null,
  usrn bigint,
  -- 'in_programme': already in planned maintenance, so a report adds nothing (the note says when).
  status text not null default 'ok' check (status in ('ok', 'in_programme')),
  programme_note text,
  attributes jsonb not null default '{}',
  check (status = 'ok' or programme_note is not null)
);
-- Map layers ask for a bounding box: a GiST index on the point answers `<@ box` directly.
create index street_assets_point on street_assets using gist (point(lon, lat));
create index street_assets_layer on street_assets (layer);
