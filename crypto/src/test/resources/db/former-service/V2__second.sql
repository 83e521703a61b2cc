-- The service migration that once created its keyring table (here: something else).
create table second_thing (id integer primary key);
