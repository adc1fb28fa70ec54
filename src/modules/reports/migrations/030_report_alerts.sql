-- Email alerts: new reports in a ward, or within a distance of a place, for anyone who asks (no account
-- needed). Double opt-in: nothing is sent until the confirmation link is used; unconfirmed alerts are
-- deleted after 7 days by the sending job.
create table report_alerts (
  id uuid primary key,
  email text not null check (char_length(email) between 3 and 254),
  -- Set when a signed-in person asked for it with their account's address, so "delete my account" finds it.
  user_id uuid references users (id) on delete cascade,
  ward_code text,
  lon double precision check (lon between -180 and 180),
  lat double precision check (lat between -90 and 90),
  radius_metres integer check (radius_metres in (250, 500, 1000, 2000)),
  -- "Acre Lane", "SK4 3DA" or "the place you chose on the map": how the emails name the place.
  place_label text check (char_length(place_label) <= 200),
  -- Empty means every kind of problem.
  category_codes text[] not null default '{}',
  created_at timestamptz not null default now(),
  confirm_token_hash text not null unique,
  confirmed_at timestamptz,
  -- The unsubscribe token is derived from the id with a server secret; only its hash is kept.
  unsubscribe_token_hash text not null unique,
  -- Reports made before this instant have been dealt with (sent, or made before the alert started).
  -- It moves in the same transaction that writes the email, so a retried run sends nothing twice.
  last_report_at timestamptz,
  check ((ward_code is not null and lon is null and lat is null and radius_metres is null)
      or (ward_code is null and lon is not null and lat is not null and radius_metres is not null)),
  check ((confirmed_at is null) = (last_report_at is null))
);
create index report_alerts_due on report_alerts (last_report_at) where confirmed_at is not null;
create index report_alerts_unconfirmed on report_alerts (created_at) where confirmed_at is null;
create index report_alerts_email on report_alerts (lower(email));
create index report_alerts_user on report_alerts (user_id) where user_id is not null;
