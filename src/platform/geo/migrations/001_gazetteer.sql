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
  -- The point halfway along the street, and how far (metres) its furthest vertex is from that point:
  -- a search for streets within R metres of a point looks at those whose point is within R + reach_m.
  lon double precision not null,
  lat double precision not null,
  reach_m double precision not null default 0,
  source text not null default 'import'
);
create index gazetteer_streets_name on gazetteer_streets using gin (name gin_trgm_ops);
create index gazetteer_streets_earth on gazetteer_streets using gist (ll_to_earth(lat, lon));
create index gazetteer_streets_reach on gazetteer_streets (reach_m);

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
create index gazetteer_addresses_usrn on gazetteer_addresses (usrn);
create index gazetteer_addresses_source on gazetteer_addresses (source);
