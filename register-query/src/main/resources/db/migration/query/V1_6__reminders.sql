-- Reminders are written here in the transaction of the event that causes them, and sent by the mail sender
-- afterwards (transactional outbox): a rolled-back command sends nothing, a failed send is retried.
create table reminder_outbox (
    id         bigserial primary key,
    recipient  varchar(320) not null,
    subject    varchar(500) not null,
    body       text         not null,
    created_at timestamptz  not null,
    sent_at    timestamptz,
    attempts   integer      not null default 0,
    last_error text
);
create index reminder_outbox_unsent on reminder_outbox (id) where sent_at is null;

alter table q_change add column at_risk_notified_at timestamptz;
