-- Standard public wording for each state, per category or for any (category_code null). Staff pick
-- one or edit it; a state change sent without text uses the matching one.
create table report_response_templates (
  id serial primary key,
  category_code text references report_categories (code) on delete cascade,
  state text not null,
  title text not null,
  text text not null,
  unique nulls not distinct (category_code, state)
);

insert into report_response_templates (category_code, state, title, text) values
  (null, 'open', 'Report received', 'Thank you for your report. We will look at it and tell you what happens next.'),
  (null, 'investigating', 'Investigating', 'We are looking into this problem.'),
  (null, 'action_scheduled', 'Repair scheduled', 'We have arranged for this to be repaired.'),
  (null, 'in_progress', 'Repair under way', 'Work to fix this problem has started.'),
  (null, 'fixed', 'Fixed', 'This problem has been fixed. Thank you for telling us about it.'),
  (null, 'closed_not_responsible', 'Not the council''s responsibility', 'The council is not responsible for this. We have closed the report; we have not passed it on.'),
  (null, 'closed_duplicate', 'Already reported', 'Someone has already reported this problem. We will deal with it under their report.'),
  (null, 'closed_no_further_action', 'No further action', 'We have inspected this and it does not need a repair at the moment. We will keep checking it during our routine inspections.'),
  (null, 'closed_internal_referral', 'Passed to another team', 'We have passed this to another council team, who will deal with it.'),
  ('streetlight', 'investigating', 'Streetlight: checking the fault', 'An electrician will check the light and its power supply.'),
  ('streetlight', 'action_scheduled', 'Streetlight: repair booked', 'Our street lighting contractor has booked a repair. Most lights are working again within 7 days.'),
  ('streetlight', 'in_progress', 'Streetlight: waiting for the electricity network', 'The fault is in the electricity supply to the light. We have asked the electricity network operator to repair it; this can take up to 25 working days.'),
  ('streetlight', 'fixed', 'Streetlight: working again', 'The light has been repaired and is working again.'),
  ('blocked_drain', 'investigating', 'Drain: inspection', 'We will inspect the drain to see what is blocking it.'),
  ('blocked_drain', 'action_scheduled', 'Drain: cleaning booked', 'A gully cleaning crew has been booked to clear this drain.'),
  ('blocked_drain', 'fixed', 'Drain: cleared', 'The drain has been cleared and is taking water away again.'),
  ('pothole', 'investigating', 'Pothole: inspection', 'A highways inspector will measure the pothole to decide how urgently it needs repairing.'),
  ('pothole', 'action_scheduled', 'Pothole: repair booked', 'The pothole is on our repair list and a crew has been booked to fill it.'),
  ('pothole', 'fixed', 'Pothole: filled', 'The pothole has been repaired.'),
  ('pothole', 'closed_no_further_action', 'Pothole: below repair level', 'An inspector measured the defect and it is not deep enough to need a repair now. We will check it again at the next routine inspection.');
