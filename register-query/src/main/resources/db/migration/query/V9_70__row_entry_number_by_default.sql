-- A row's place in its register (entry_no) is taken from the sequence it always came from, now as the column's
-- default: the insert need not name it, so a rebuild sends its runs of row inserts as COPY (which evaluates the
-- default per row, in the order of the rows: the same order as before). Owned by the column, the sequence goes with
-- the table: a rebuild's fresh q_row has one of its own of the same name, which replaces the live one at the switch.
alter sequence q_row_entry_seq owned by q_row.entry_no;
alter table q_row alter column entry_no set default nextval('q_row_entry_seq');
