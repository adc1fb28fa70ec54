-- "Has it been fixed?": asked of the reporter four weeks after a report, once. The link's token
-- is only in the email; we keep its hash, and the answer.
create table report_questionnaires (
  report_id uuid primary key references reports (id) on delete cascade,
  token_hash text not null unique,
  sent_at timestamptz not null default now(),
  answered_at timestamptz,
  fixed boolean,
  check ((answered_at is null) = (fixed is null))
);
