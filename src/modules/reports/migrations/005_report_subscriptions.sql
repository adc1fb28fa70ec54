-- People who get updates about a report: the reporter, and anyone for whom it is "my problem too".
-- Signed-in people are kept by account, so their notification preferences apply when we send.
create table report_subscriptions (
  id uuid primary key,
  report_id uuid not null references reports (id) on delete cascade,
  user_id uuid references users (id) on delete cascade,
  email text,
  phone text,
  created_at timestamptz not null default now(),
  -- The unsubscribe link's token is derived from the id with a server secret; only its hash is kept.
  unsubscribe_token_hash text not null unique,
  check (user_id is not null or email is not null or phone is not null)
);
create unique index report_subscriptions_user on report_subscriptions (report_id, user_id) where user_id is not null;
create unique index report_subscriptions_email on report_subscriptions (report_id, lower(email)) where user_id is null and email is not null;
create unique index report_subscriptions_phone on report_subscriptions (report_id, phone) where user_id is null and email is null and phone is not null;
create index report_subscriptions_user_id on report_subscriptions (user_id) where user_id is not null;
create index report_subscriptions_lower_email on report_subscriptions (lower(email)) where email is not null;
