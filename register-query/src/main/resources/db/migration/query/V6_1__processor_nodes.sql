-- Scale-out mode: the query replicas that are alive (a heartbeat every few seconds), so that each claims only its
-- fair share of every pooled processor's segments (ProcessorFairShare). Unused in standalone mode.
create table processor_node (
    node_id varchar(64) primary key,
    seen_at timestamptz not null
);
