create table users (
  id uuid primary key default gen_random_uuid(),
  email text not null,
  email_verified_at timestamptz,
  password_hash text,
  name text,
  phone text,
  address jsonb,
  notify_email boolean not null default true,
  notify_sms boolean not null default false,
  totp_secret text,
  totp_enabled_at timestamptz,
  oidc_issuer text,
  oidc_subject text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  last_sign_in_at timestamptz
);
create unique index users_email_key on users (lower(email));
create unique index users_oidc_key on users (oidc_issuer, oidc_subject) where oidc_subject is not null;

-- Roles and permissions are data: a council can add a role without a release.
create table roles (
  name text primary key,
  label text not null,
  description text not null
);
create table permissions (
  name text primary key,
  description text not null
);
create table role_permissions (
  role text not null references roles (name) on delete cascade,
  permission text not null references permissions (name) on delete cascade,
  primary key (role, permission)
);
create table user_roles (
  user_id uuid not null references users (id) on delete cascade,
  role text not null references roles (name) on delete cascade,
  granted_by uuid,
  granted_at timestamptz not null default now(),
  primary key (user_id, role)
);

create table sessions (
  id text primary key,
  data jsonb not null,
  user_id uuid references users (id) on delete cascade,
  expires_at timestamptz not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index sessions_expires_at on sessions (expires_at);
create index sessions_user_id on sessions (user_id);

-- One-time tokens sent by email; only their SHA-256 is stored.
create table user_tokens (
  token_hash text primary key,
  user_id uuid not null references users (id) on delete cascade,
  purpose text not null check (purpose in ('verify_email', 'reset_password', 'change_email')),
  new_email text,
  expires_at timestamptz not null,
  used_at timestamptz,
  created_at timestamptz not null default now()
);
create index user_tokens_user on user_tokens (user_id);

insert into roles (name, label, description) values
  ('admin', 'Administrator', 'Manages staff accounts, roles and the platform'),
  ('customer_services', 'Customer services adviser', 'Acts for residents who cannot use the website themselves (assisted digital)'),
  ('highways_officer', 'Highways officer', 'Manages street reports in the back office'),
  ('inspector', 'Highways inspector', 'Inspects and updates street reports'),
  ('editor', 'Content editor', 'Writes and edits website content'),
  ('publisher', 'Content publisher', 'Publishes website content'),
  ('forms_manager', 'Forms manager', 'Publishes form versions and handles submissions'),
  ('case_worker', 'Case worker', 'Works with people in the Single View safeguarding hub');

insert into permissions (name, description) values
  ('staff.home', 'See the staff home page'),
  ('admin.users', 'Manage staff accounts and roles'),
  ('admin.jobs', 'See failed background jobs and retry them'),
  ('admin.audit', 'Read and verify the audit log'),
  ('assisted.act', 'Act on behalf of a resident (assisted digital)');

insert into role_permissions (role, permission)
select r.name, p.name from roles r cross join permissions p where r.name = 'admin';
insert into role_permissions (role, permission)
select name, 'staff.home' from roles where name <> 'admin';
insert into role_permissions (role, permission) values
  ('customer_services', 'assisted.act'),
  ('highways_officer', 'assisted.act');
