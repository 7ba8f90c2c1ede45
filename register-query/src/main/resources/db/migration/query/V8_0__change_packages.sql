-- A change package's rows ([{kind, rowId, before, after}], in order); null for a single-row change, whose one row is in
-- kind/row_id/before_row/after_row as ever.
alter table q_change add column operations jsonb;
