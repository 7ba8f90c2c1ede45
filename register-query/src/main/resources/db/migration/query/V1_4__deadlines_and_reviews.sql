alter table q_change add column deadline_missed_at timestamptz;

create table q_annual_review (
    register_id  varchar(64) not null,
    division_id  varchar(64) not null,
    year         integer     not null,
    confirmed_at timestamptz not null,
    by_user      varchar(64) not null,
    comment      text,
    primary key (register_id, division_id, year)
);
