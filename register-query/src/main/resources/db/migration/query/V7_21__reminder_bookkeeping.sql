-- Which reminders went out, in a table of the reminders group's own: q_change is a read model a rebuild truncates, so
-- bookkeeping kept there made a rebuild send every at-risk reminder again.
create table reminder_sent (
    change_id varchar(255) not null,
    kind      varchar(64)  not null,
    sent_at   timestamptz  not null,
    primary key (change_id, kind)
);
insert into reminder_sent(change_id, kind, sent_at)
select change_id, 'PUBLICATION_AT_RISK', at_risk_notified_at from q_change where at_risk_notified_at is not null;
alter table q_change drop column at_risk_notified_at;
