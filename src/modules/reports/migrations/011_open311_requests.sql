-- GET servicerequestupdates (Open311, mySociety): public updates between two times, oldest first.
-- Clients poll it every few minutes for a short window; without this it reads every update there is.
create index report_updates_public_created on report_updates (created_at) where visibility = 'public';
