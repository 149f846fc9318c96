#!/usr/bin/env bash
# Runs once, when the PostgreSQL volume is new: a database and a least-privilege login role per service.
# Each service's migrations run as the superuser; its role may read and write rows, nothing more. The
# audit projection's role is narrower still: its own migrations grant it only what ADR 0005 allows.
set -euo pipefail

create() {
  local database="$1" role="$2" password="$3" rows="$4"
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
       -v db="$database" -v role="$role" -v password="$password" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'password';
CREATE DATABASE :"db";
SQL
  if [ "$rows" = "rows" ]; then
    psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$database" -v db="$database" -v role="$role" <<'SQL'
GRANT CONNECT, TEMPORARY ON DATABASE :"db" TO :"role";
GRANT USAGE ON SCHEMA public TO :"role";
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO :"role";
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO :"role";
SQL
  fi
}

create inventory aims_inventory_app "$AIMS_INVENTORY_DB_PASSWORD" rows
create risk aims_risk_app "$AIMS_RISK_DB_PASSWORD" rows
create controls aims_controls_app "$AIMS_CONTROLS_DB_PASSWORD" rows
create evidence aims_evidence_app "$AIMS_EVIDENCE_DB_PASSWORD" rows
create audit aims_audit_app "$AIMS_AUDIT_DB_PASSWORD" own
