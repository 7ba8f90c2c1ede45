-- The № the authority's file gave each group of a register formed by import (RowImported.groupNo): group_key is the
-- group's comparison key (RegisterLayout.groupKey: the direction in six columns, the process in five). A register whose
-- file numbered nothing (or numbered as the layout does anyway) has no rows here. Unique through the key's hash, as
-- q_division_process.
create table q_group_number (
    register_id varchar(64) not null,
    group_key   text        not null,
    group_no    integer     not null
);
create unique index q_group_number_key on q_group_number (register_id, md5(group_key));
