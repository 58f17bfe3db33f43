--liquibase formatted sql

--changeset zelto:005-audit-log
-- Append-only: each entry's hash covers the previous entry's hash and its own fields; the newest hash is also
-- kept in zelto_system ('audit_head'). Zelto never updates or deletes these rows.
CREATE TABLE audit_log (
    id               bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organization_id  uuid        NOT NULL,
    at               timestamptz NOT NULL,
    actor            text        NOT NULL,
    action           text        NOT NULL,
    target           text        NOT NULL,
    details          jsonb       NOT NULL,
    previous_hash    text        NOT NULL,
    hash             text        NOT NULL
);
CREATE INDEX audit_log_by_organization ON audit_log (organization_id, id DESC);
