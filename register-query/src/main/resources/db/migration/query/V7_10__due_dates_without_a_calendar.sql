-- An approved change whose due date cannot be counted yet (a federal year, or the region's overlay of a year, is not
-- loaded): besides the full explanation (due_problem, V7_66), the short reason the deadline list shows with the
-- entry, which stays on the list as an explicit state (at risk) until the calendar can count it. Normally null.
alter table q_change add column due_unknown varchar(200);
