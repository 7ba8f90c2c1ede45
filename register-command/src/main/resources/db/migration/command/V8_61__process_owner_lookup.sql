-- The command side's index of which divisions a register's divisions define for each process (written with
-- DivisionDefined), so the importer can tell, before anything is recorded, which rows belong to a process several
-- divisions run (000 §2.6, 003 §2.3) and say that such a row stays without a division. Processes could not be shared
-- before this table existed, so it starts empty.
create table process_owner_lookup (
    register_id varchar(64) not null,
    process_key text        not null,
    division_id varchar(64) not null,
    division    text        not null
);
create unique index process_owner_lookup_key on process_owner_lookup (register_id, md5(process_key), division_id);
