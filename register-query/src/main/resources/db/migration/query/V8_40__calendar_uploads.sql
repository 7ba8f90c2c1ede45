-- Every calendar file an administrator uploaded, in order, so that every query replica loads it (CalendarSync):
-- a replica polls for uploads it has not loaded yet. Not a read model: a rebuild keeps it.
create table calendar_upload (
    seq         bigserial primary key,
    json        text        not null,
    uploaded_at timestamptz not null default now()
);
