-- When each change in flight was initiated and last approved by its division head, as the metrics group saw it (in its
-- own order of events): the approval lead-time timers measure from here, not from the read models of another group
-- (q_change, q_change_timeline), which a rebuild empties and refills. A row lives until its change is decided. The
-- changes in flight when this table came are copied from the read models.
create table metrics_approval_step (
    change_id            varchar(64) primary key,
    initiated_at         timestamptz not null,
    division_approved_at timestamptz
);
insert into metrics_approval_step(change_id, initiated_at, division_approved_at)
select c.change_id, c.initiated_at,
       (select max(t.at) from q_change_timeline t where t.change_id = c.change_id and t.event = 'DivisionApproved')
from q_change c
where c.status not in ('APPROVED', 'PUBLISHED', 'REJECTED', 'WITHDRAWN');
