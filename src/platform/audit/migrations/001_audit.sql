-- Append-only and hash-chained: each row carries the previous row's hash and its own.
create table audit_log (
  id bigint primary key,
  occurred_at timestamptz not null,
  actor_id uuid,
  action text not null,
  subject_type text,
  subject_id text,
  details jsonb not null default '{}',
  ip text,
  request_id text,
  prev_hash text not null,
  hash text not null
);
create sequence audit_log_id_seq owned by audit_log.id;
create index audit_log_subject on audit_log (subject_type, subject_id);
create index audit_log_actor on audit_log (actor_id);

create function audit_log_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only';
end $$;
create trigger audit_log_append_only before update or delete or truncate on audit_log
  for each statement execute function audit_log_refuse_change();
