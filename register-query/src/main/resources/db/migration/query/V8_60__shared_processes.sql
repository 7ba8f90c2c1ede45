-- Several divisions may run one process where the procedure says so (000 §2.6, 003 §2.3): a process has one row here
-- per division that owns it, no longer one row per process.
drop index if exists q_division_process_key;
create unique index q_division_process_key on q_division_process (register_id, md5(process_key), division_id);
