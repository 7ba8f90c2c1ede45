-- The production calendar's data that both sides read: the command side counts every publication due date into the
-- approval event with it, the query side shows it. Not read models: a rebuild keeps them.

-- Years uploaded at run time (POST /api/v1/calendar): the federal calendar (region '') or a region's overlay.
create table calendar_file (
    region      varchar(16) not null,
    year        integer     not null,
    json        text        not null,
    fingerprint varchar(16) not null,
    loaded_at   timestamptz not null,
    primary key (region, year)
);

-- Region-years an administrator marked "federal only" (POST /api/v1/calendar/{year}/federal-only?region=…): the region
-- has regional non-working days, its overlay for the year is not loaded, and deadlines there are counted by the federal
-- calendar, saying so. Formerly the query side's calendar_federal_only (V7_66), whose marks are copied here (here when
-- that migration ran before this one, by the query side's V8_31 otherwise).
create table calendar_federal_only_mark (
    region    varchar(16)  not null,
    year      integer      not null,
    marked_by varchar(64)  not null,
    marked_at timestamptz  not null,
    reason    varchar(2000),
    primary key (region, year)
);

do $$
begin
    if to_regclass('calendar_federal_only') is not null then
        insert into calendar_federal_only_mark(region, year, marked_by, marked_at, reason)
        select region, year, marked_by, marked_at, reason from calendar_federal_only
        on conflict do nothing;
    end if;
end $$;
