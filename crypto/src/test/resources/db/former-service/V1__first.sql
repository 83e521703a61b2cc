-- A service's first migration.
create table first_thing (id integer primary key);
