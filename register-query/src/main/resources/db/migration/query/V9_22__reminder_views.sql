-- The reminders group reads only tables of its own, filled from the events in its own order: what it knows of each
-- register (time zone, calendar region, today's-procedure deadline), its members, and each change until it is published
-- or decided otherwise (division, chain, initiator, when it was made and when its publication is due). Before, it read
-- the read models of the projections group (q_change, q_member), which a rebuild empties and refills. The rows are
-- copied from those read models once, here; reminder_change takes over reminder_change_initiator (V7_70).
create table reminder_register (
    register_id   varchar(64) primary key,
    time_zone     varchar(64) not null,
    region        varchar(16),
    deadline_days integer
);
insert into reminder_register(register_id, time_zone, region, deadline_days)
select register_id, time_zone, region, deadline_days from q_register;

create table reminder_member (
    register_id varchar(64) not null,
    username    varchar(64) not null,
    role        varchar(20) not null,
    division_id varchar(64) not null default '',
    primary key (register_id, username, role, division_id)
);
insert into reminder_member(register_id, username, role, division_id)
select register_id, username, role, division_id from q_member;

-- chain null: today's procedure (the register's deadline_days); due_date and due_unknown null before the approval
create table reminder_change (
    change_id    varchar(64) primary key,
    register_id  varchar(64) not null,
    division     varchar(64),
    chain        jsonb,
    initiated_by varchar(64) not null,
    last_step_at timestamptz,
    approved_on  date,
    due_date     date,
    due_note     text,
    due_unknown  varchar(200)
);
create index reminder_change_awaiting on reminder_change (due_date) where approved_on is not null;
insert into reminder_change(change_id, register_id, division, chain, initiated_by, last_step_at, approved_on, due_date,
                            due_note, due_unknown)
select change_id, register_id, division, chain, initiated_by, last_step_at, approved_on, due_date, due_note, due_unknown
from q_change where status not in ('PUBLISHED', 'REJECTED', 'WITHDRAWN');
insert into reminder_change(change_id, register_id, initiated_by)
select i.change_id, i.register_id, i.username from reminder_change_initiator i
where not exists (select 1 from q_change c where c.change_id = i.change_id); -- seen by the reminders group alone yet
drop table reminder_change_initiator;
