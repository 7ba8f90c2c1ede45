-- Read models. Every table here is a projection of the event store and can be rebuilt from it.
create table token_entry (
    processor_name varchar(255) not null,
    segment        integer      not null,
    token          bytea,
    token_type     varchar(255),
    time_stamp     varchar(255),
    owner          varchar(255),
    primary key (processor_name, segment)
);

create table q_register (
    register_id       varchar(64) primary key,
    authority         varchar(500) not null,
    time_zone         varchar(64)  not null,
    deadline_days     integer,
    template          varchar(20)  not null,
    region            varchar(16),
    published_version integer      not null default 0,
    created_at        timestamptz  not null
);

create table q_division (
    register_id varchar(64)  not null,
    division_id varchar(64)  not null,
    name        varchar(500) not null,
    primary key (register_id, division_id)
);

create table q_member (
    register_id varchar(64) not null,
    username    varchar(64) not null,
    role        varchar(20) not null,
    division_id varchar(64) not null default '',
    primary key (register_id, username, role, division_id)
);

create sequence q_row_entry_seq;

create table q_row (
    register_id varchar(64) not null,
    row_id      varchar(64) not null,
    entry_no    bigint      not null,
    content     jsonb       not null,
    primary key (register_id, row_id)
);
create index q_row_order on q_row (register_id, entry_no);

create table q_change (
    change_id         varchar(64) primary key,
    register_id       varchar(64)  not null,
    kind              varchar(10)  not null,
    status            varchar(20)  not null,
    reason            varchar(40)  not null,
    comment           text,
    division          varchar(64),
    row_id            varchar(64),
    before_row        jsonb,
    after_row         jsonb,
    initiated_by      varchar(64)  not null,
    initiated_at      timestamptz  not null,
    approved_at       timestamptz,
    approved_on       date,
    order_number      varchar(100),
    order_date        date,
    due_date          date,
    published_version integer,
    published_at      timestamptz,
    published_on      date
);
create index q_change_register on q_change (register_id, initiated_at);
create index q_change_due on q_change (due_date) where approved_at is not null;

create table q_change_timeline (
    change_id varchar(64) not null,
    seq       bigserial   not null,
    event     varchar(40) not null,
    at        timestamptz not null,
    by_user   varchar(64) not null,
    comment   text,
    primary key (change_id, seq)
);

create table q_publication (
    register_id      varchar(64)   not null,
    version          integer       not null,
    url              varchar(2000) not null,
    published_at     timestamptz   not null,
    by_user          varchar(64)   not null,
    covered          jsonb         not null,
    sha256           char(64)      not null,
    previous_sha256  char(64),
    late             boolean       not null,
    primary key (register_id, version)
);

create table q_history (
    register_id varchar(64) not null,
    sequence    bigint      not null,
    event       varchar(40) not null,
    at          timestamptz not null,
    by_user     varchar(64),
    change_id   varchar(64),
    payload     jsonb       not null,
    primary key (register_id, sequence)
);
