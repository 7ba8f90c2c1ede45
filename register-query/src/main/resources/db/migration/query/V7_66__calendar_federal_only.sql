-- Region-years an administrator marked "federal only" (POST /api/v1/calendar/{year}/federal-only?region=…): the region
-- has regional non-working days, its overlay for the year is not loaded, and deadlines there are counted by the federal
-- calendar, saying so. Not a projection: a rebuild keeps it (and counts with it).
create table calendar_federal_only (
    region    varchar(16)  not null,
    year      integer      not null,
    marked_by varchar(64)  not null,
    marked_at timestamptz  not null,
    reason    varchar(2000),
    primary key (region, year)
);

-- Why a change's due date is what it is, or why there is none: due_note when the count took a year "federal only",
-- due_problem when the count was refused (a federal year or a regional overlay not loaded).
alter table q_change add column due_note text;
alter table q_change add column due_problem text;
