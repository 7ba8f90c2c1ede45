-- Which division owns which process (DivisionDefined, and a new process once a change adding it is approved):
-- the processes a specialist may propose rows for. process_key is the process's comparison key (Text.key);
-- unique through its hash, since a long name may exceed what a b-tree index entry holds.
create table q_division_process (
    register_id varchar(64) not null,
    process_key text        not null,
    process     text        not null,
    division_id varchar(64) not null
);
create unique index q_division_process_key on q_division_process (register_id, md5(process_key));
