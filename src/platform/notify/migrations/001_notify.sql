-- Every message Lastmile sends. Without a Notify key this table is the outbox.
create table notify_messages (
  id uuid primary key default gen_random_uuid(),
  channel text not null check (channel in ('email', 'sms')),
  recipient text not null,
  subject text not null default '',
  body text not null,
  reference text,
  status text not null check (status in ('outbox', 'queued', 'sent', 'failed')),
  notify_id text,
  error text,
  created_at timestamptz not null default now(),
  sent_at timestamptz
);
create index notify_messages_created on notify_messages (created_at desc);
create index notify_messages_recipient on notify_messages (lower(recipient));
