create extension if not exists pg_trgm;
create extension if not exists cube;
create extension if not exists earthdistance;

create table gazetteer_streets (
  usrn bigint primary key,
  name text not null,
  locality text,
  town text not null,
  ward_code text,
  -- Who maintains the street: the council, National Highways, or a private owner.
  responsibility text not null default 'council' check (responsibility in ('council', 'national_highways', 'private')),
  -- GeoJSON LineString coordinates [[lon, lat], ...]
  geometry jsonb not null,
  lon double precision not null,
  lat double precision not null,
  source text not null default 'import'
);
create index gazetteer_streets_name on gazetteer_streets using gin (name gin_trgm_ops);
create index gazetteer_streets_earth on gazetteer_streets using gist (ll_to_earth(lat, lon));

create table gazetteer_addresses (
  uprn bigint primary key,
  usrn bigint,
  line1 text not null,
  line2 text,
  line3 text,
  town text not null,
  postcode text not null,
  lon double precision not null,
  lat double precision not null,
  ward_code text,
  lsoa_code text,
  source text not null default 'import'
);
create index gazetteer_addresses_postcode on gazetteer_addresses (upper(replace(postcode, ' ', '')));
create index gazetteer_addresses_earth on gazetteer_addresses using gist (ll_to_earth(lat, lon));
