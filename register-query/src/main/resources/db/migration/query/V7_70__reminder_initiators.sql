-- Who initiated each change, as the reminders processing group saw it (in its own order of events): the initiator
-- hears when their change is approved or rejected. Changes initiated before this table fall back to q_change.
create table reminder_change_initiator (
    change_id   varchar(64) primary key,
    register_id varchar(64) not null,
    username    varchar(64) not null
);
