#!/usr/bin/env bash
# Creates one database and one login role per component, as DESIGN.md section 6
# asks: no service can read another's tables. The role is named after its
# database, as in the devstack. The postgres image runs this once, on an empty
# data directory; passwords come from the environment so none is committed.
set -euo pipefail

create_database() {
    local name=$1 password=$2
    # psql variables (:"name" and :'password') quote the values, so a password
    # with quotes or backslashes cannot break or inject into the SQL.
    psql --no-psqlrc -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
        -v name="$name" -v password="$password" <<'SQL'
CREATE ROLE :"name" LOGIN PASSWORD :'password';
CREATE DATABASE :"name" OWNER :"name";
REVOKE ALL ON DATABASE :"name" FROM PUBLIC;
SQL
}

create_database sessions  "${SESSIONS_DB_PASSWORD:?SESSIONS_DB_PASSWORD is required}"
create_database notes     "${NOTES_DB_PASSWORD:?NOTES_DB_PASSWORD is required}"
create_database exercises "${EXERCISES_DB_PASSWORD:?EXERCISES_DB_PASSWORD is required}"
create_database notifications "${NOTIFICATIONS_DB_PASSWORD:?NOTIFICATIONS_DB_PASSWORD is required}"
create_database keycloak  "${KEYCLOAK_DB_PASSWORD:?KEYCLOAK_DB_PASSWORD is required}"
