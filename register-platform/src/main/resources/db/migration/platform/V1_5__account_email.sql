-- Where reminders go (approval waiting, publication at risk or missed). Optional.
alter table account add column email varchar(320);
