-- GET requests (Open311): the newest 1,000 in a window, perhaps for some services or statuses.
-- Newest-first by service, and by "all open" or "all closed" (or any states within one of them):
-- open311/requests.ts writes states as constants so the planner can see they fall inside these.
create index reports_category_created on reports (category_code, created_at desc) where not hidden;
create index reports_open_created on reports (created_at desc)
  where not hidden and state in ('open', 'investigating', 'action_scheduled', 'in_progress');
create index reports_closed_created on reports (created_at desc)
  where not hidden and state in ('fixed', 'closed_not_responsible', 'closed_duplicate', 'closed_no_further_action', 'closed_internal_referral');
