-- Dead letters an administrator set aside (DeadLetters.setAside): the letter leaves Axon's queue, so the register's
-- later events flow again, and is kept here with who set it aside, when and why. A rebuild skips these events for
-- their processing group, as live processing does. Owned by the dead-letter feature; no rebuild touches it.
create table dead_letter_set_aside (
    dead_letter_id       varchar(255) not null primary key,
    processing_group     varchar(255) not null,
    sequence_identifier  varchar(255) not null,
    event_identifier     varchar(255) not null,
    payload_type         varchar(255) not null,
    aggregate_identifier varchar(255),
    sequence_number      bigint,
    event_time           timestamptz,
    cause_type           varchar(255),
    cause_message        text,
    enqueued_at          timestamptz,
    reason               text         not null,
    set_aside_by         varchar(64)  not null,
    set_aside_at         timestamptz  not null,
    unique (processing_group, event_identifier)
);
create index dead_letter_set_aside_at on dead_letter_set_aside (set_aside_at);
