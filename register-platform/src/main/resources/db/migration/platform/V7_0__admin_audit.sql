-- Administrators' actions (accounts, roles, calendars, procedures, rebuilds, dead letters): who, when, what.
-- Append-only; owned by the platform, untouched by any rebuild of the read models.
create table admin_audit (
    id       bigserial primary key,
    at       timestamptz not null,
    actor    varchar(64) not null,
    action   varchar(64) not null,
    target   varchar(300),
    details  text
);
create index admin_audit_at on admin_audit (at);
