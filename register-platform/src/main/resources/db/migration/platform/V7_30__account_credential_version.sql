-- Counts every change of an account's credential or state (password set, disabled, enabled, global role): browser
-- sessions and the verified-credential cache remember the version they were made under and end when it moves.
alter table account add column credential_version bigint not null default 0;
