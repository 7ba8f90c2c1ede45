-- Lists at 10,000 registers (issue 16, item 4).
-- Approved changes without a due date: those the calendar cannot count yet come first on every deadline list, and
-- those whose count was refused are listed above the dashboard (DeadlineBoard.uncounted, .refused). Normally none:
-- without an index every list read scanned every change to find that out.
create index q_change_undated on q_change (change_id)
    where approved_at is not null and due_date is null;
-- The dashboard's published counts and its chart of publications per month (DeadlineBoard.summary), from the index
-- alone (EXPLAIN ANALYZE at 1,000 registers: 27,000 entries counted in 2.5–5.5 ms, index-only).
create index q_change_published on q_change (published_on, due_date)
    where approved_at is not null and due_date is not null and published_on is not null;
-- The registers a caller may read (RegisterReadAccess.scope, on most reads of a member): by the caller's username,
-- from the index alone; the primary key leads with the register and served only the other direction.
create index q_member_username on q_member (username, register_id);
-- The division filter of the every-register dashboard (RegisterReadModel.divisionNames over every register): in
-- division order from the index alone, no sort of every register's divisions.
create index q_division_by_id on q_division (division_id, register_id) include (name);
-- The dashboard's unpublished entries grouped by due date and register (DeadlineBoard.summary), from the index alone:
-- EXPLAIN ANALYZE at 1,000 registers (3,001 entries) 153 ms by heap fetches of the wide change rows, 1.7–5.4 ms with it.
create index q_change_unpublished_registers on q_change (due_date, register_id) include (division)
    where approved_at is not null and due_date is not null and published_on is null;
