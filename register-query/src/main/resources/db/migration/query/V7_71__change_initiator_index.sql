-- Everyone's landing page asks for the person's own rejected changes on every page (the header's count).
create index q_change_initiator on q_change (initiated_by, status);
