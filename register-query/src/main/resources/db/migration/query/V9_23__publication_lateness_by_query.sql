-- Whether a publication was late is asked of the changes' due dates when the publications are listed (a query may read
-- several read models), not stored by the publication projection, which read the change projection's q_change for it.
alter table q_publication drop column late;
