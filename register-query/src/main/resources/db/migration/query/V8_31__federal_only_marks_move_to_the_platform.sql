-- The "federal only" marks live in the platform's calendar_federal_only_mark (V8_30), which both sides read: copy what
-- this side's table still holds, and drop it.
insert into calendar_federal_only_mark(region, year, marked_by, marked_at, reason)
select region, year, marked_by, marked_at, reason from calendar_federal_only
on conflict do nothing;

drop table calendar_federal_only;
