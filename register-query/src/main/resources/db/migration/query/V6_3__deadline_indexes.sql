-- The deadline list of every register a page at a time in due-date order (DeadlineBoard; one register's few
-- changes come by q_change_register).
drop index q_change_due;
create index q_change_deadline on q_change (due_date, change_id)
    where approved_at is not null and due_date is not null;
-- Approved changes awaiting publication: the deadline watcher, the gauges, reminders, the unpublished statuses.
create index q_change_unpublished on q_change (due_date, change_id)
    where approved_at is not null and due_date is not null and published_on is null;
