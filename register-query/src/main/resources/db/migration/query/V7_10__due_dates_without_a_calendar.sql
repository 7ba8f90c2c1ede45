-- An approved change whose due date cannot be counted yet (the production calendar lacks a year the count needs):
-- the year missing and the working days to count, so the deadline list shows it as an explicit state (at risk)
-- and counts it once the year is loaded. Normally no row has them.
alter table q_change add column due_date_missing_year integer;
alter table q_change add column due_working_days integer;
create index q_change_due_date_missing on q_change (change_id) where due_date_missing_year is not null;
