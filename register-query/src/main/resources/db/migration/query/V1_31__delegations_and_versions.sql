-- Acting officials (и.о., врио): delegations of approval rights, as the register recorded them.
create table q_delegation (
    register_id   varchar(64)  not null,
    delegation_id varchar(64)  not null,
    holder        varchar(64)  not null,
    delegate      varchar(64)  not null,
    role          varchar(20)  not null,
    division_id   varchar(64),
    valid_from    date         not null,
    valid_to      date         not null,
    comment       text,
    delegated_by  varchar(64)  not null,
    delegated_at  timestamptz  not null,
    revoked_by    varchar(64),
    revoked_at    timestamptz,
    primary key (register_id, delegation_id)
);

-- Who an acting official approved or rejected for.
alter table q_change_timeline add column on_behalf_of varchar(64);

-- A change's version is the number of its events: one timeline entry each.
alter table q_change add column version bigint not null default 0;
update q_change c set version = (select count(*) from q_change_timeline t where t.change_id = c.change_id);

-- A register's version is the sequence number of its last event.
create table q_register_version (
    register_id varchar(64) primary key,
    version     bigint      not null
);
insert into q_register_version(register_id, version)
select register_id, max(sequence) from q_history group by register_id;
