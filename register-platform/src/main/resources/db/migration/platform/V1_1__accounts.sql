-- People who sign in. Passwords only as BCrypt hashes. Register roles are membership events, not columns here.
create table account (
    username      varchar(64) primary key,
    password_hash varchar(100) not null,
    display_name  varchar(200) not null,
    global_role   varchar(20) check (global_role in ('ADMIN', 'AUDITOR')),
    enabled       boolean not null default true
);
