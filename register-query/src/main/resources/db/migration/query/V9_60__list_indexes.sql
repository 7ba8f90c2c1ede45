-- Lists at 10,000 registers (issue 16, item 4).
-- The approved changes whose due date the calendar cannot count yet come first on every deadline list (DeadlineBoard):
-- normally none, and without an index each list read scanned every change to find out.
create index q_change_uncounted on q_change (change_id)
    where approved_at is not null and due_date is null and due_unknown is not null;
-- The dashboard's published counts and its chart of publications per month (DeadlineBoard.summary), from the index alone.
create index q_change_published on q_change (published_on, due_date)
    where approved_at is not null and due_date is not null and published_on is not null;
