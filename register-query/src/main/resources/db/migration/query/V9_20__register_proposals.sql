-- The rows a change in flight proposes, kept by the register projection for the change's approval: the projection
-- applies an approved change from its own table, not from the change read model (q_change, another projection's).
-- Written at the change's initiation, removed when it is approved, rejected or withdrawn. The columns are those of
-- q_change the approval needs; the changes in flight when this table came are copied from there.
create table q_register_proposal (
    change_id   varchar(64) primary key,
    register_id varchar(64) not null,
    kind        varchar(10) not null,
    row_id      varchar(64),
    after_row   jsonb,
    division    varchar(64),
    operations  jsonb
);
insert into q_register_proposal(change_id, register_id, kind, row_id, after_row, division, operations)
select change_id, register_id, kind, row_id, after_row, division, operations from q_change
where status not in ('APPROVED', 'PUBLISHED', 'REJECTED', 'WITHDRAWN');
