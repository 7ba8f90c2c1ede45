-- Each authority's procedure (issue 10): the register's procedure, the chain each change runs under, approving acts.

-- The register's own procedure (null: created without one, runs today's procedure).
alter table q_register add column procedure jsonb;

-- AWAITING_APPROVAL_ACT is longer than the statuses before it.
alter table q_change alter column status type varchar(30);
-- The chain a change runs under (null in rows written before: today's chain), the steps given so far, the step awaited,
-- when the last step was given, and the act that approved it.
alter table q_change add column chain jsonb;
alter table q_change add column steps_done integer not null default 0;
alter table q_change add column pending_step varchar(30);
alter table q_change add column last_step_at timestamptz;
alter table q_change add column act_id varchar(64);
-- Rows written before ran today's chain: division head, then deputy.
update q_change set pending_step = case status when 'INITIATED' then 'DIVISION_HEAD'
                                               when 'DIVISION_APPROVED' then 'DEPUTY' end,
                    steps_done = case status when 'INITIATED' then 0 when 'DIVISION_APPROVED' then 1
                                             when 'APPROVED' then 2 when 'PUBLISHED' then 2 else 0 end;
create index q_change_pending on q_change (register_id, pending_step) where pending_step is not null;

create table q_approval_act (
    register_id varchar(64)  not null,
    act_id      varchar(64)  not null,
    number      varchar(100) not null,
    act_date    date         not null,
    change_ids  jsonb        not null,
    by_user     varchar(64)  not null,
    recorded_at timestamptz  not null,
    primary key (register_id, act_id)
);
