-- One row per (submission, target): the unique key means a submission's targets are enqueued once.
-- Status is what staff see: pending (trying, with retries), sent, or failed (after the last retry,
-- or at once when retrying cannot help), with the last error and a "retry" on the staff pages.
create table form_deliveries (
  id uuid primary key default gen_random_uuid(),
  submission_id uuid not null references form_submissions (id) on delete cascade,
  target_index integer not null check (target_index >= 0),
  target_type text not null check (target_type in ('module', 'webhook', 'email')),
  -- The target as the form version defined it (a webhook's secret is named, never stored).
  -- json, not jsonb: a mapping's keys keep their order, which an emailed payload follows.
  target json not null,
  status text not null default 'pending' check (status in ('pending', 'sent', 'failed')),
  attempts integer not null default 0,
  last_error text,
  external_reference text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (submission_id, target_index)
);
create index form_deliveries_unsent on form_deliveries (updated_at desc) where status <> 'sent';

insert into permissions (name, description) values
  ('forms.manage', 'Publish form versions and retry failed form deliveries'),
  ('forms.submissions', 'Read residents'' form submissions and export them');

-- Answers can hold anything a resident tells the council, so only the people who run forms read them.
-- Customer services advisers act for residents (assisted.act) but do not browse everyone's submissions.
insert into role_permissions (role, permission) values
  ('admin', 'forms.manage'),
  ('admin', 'forms.submissions'),
  ('forms_manager', 'forms.manage'),
  ('forms_manager', 'forms.submissions');
