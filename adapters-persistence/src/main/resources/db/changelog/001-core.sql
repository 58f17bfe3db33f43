--liquibase formatted sql

--changeset zelto:001-organizations
CREATE TABLE organizations (
    id          uuid PRIMARY KEY,
    name        text        NOT NULL,
    created_at  timestamptz NOT NULL
);

CREATE TABLE users (
    id               uuid PRIMARY KEY,
    organization_id  uuid        NOT NULL REFERENCES organizations (id),
    name             text        NOT NULL,
    role             text        NOT NULL,
    created_at       timestamptz NOT NULL
);
CREATE INDEX users_by_organization ON users (organization_id, created_at);

--changeset zelto:001-api-keys
CREATE TABLE api_keys (
    id               uuid PRIMARY KEY,
    organization_id  uuid        NOT NULL REFERENCES organizations (id),
    user_id          uuid        NOT NULL REFERENCES users (id),
    name             text        NOT NULL,
    display_prefix   text        NOT NULL,
    -- Only the hash of a key's secret is stored; lookups go through this unique index.
    secret_hash      text        NOT NULL UNIQUE,
    created_at       timestamptz NOT NULL,
    last_used_at     timestamptz,
    revoked_at       timestamptz
);
CREATE INDEX api_keys_by_organization ON api_keys (organization_id);

--changeset zelto:001-agents
CREATE TABLE agents (
    id               uuid PRIMARY KEY,
    organization_id  uuid        NOT NULL REFERENCES organizations (id),
    provider         text        NOT NULL,
    external_id      text        NOT NULL,
    name             text,
    architecture     text,
    created_at       timestamptz NOT NULL,
    last_call_at     timestamptz,
    CONSTRAINT agents_unique_external_id UNIQUE (organization_id, provider, external_id)
);

--changeset zelto:001-conversations
CREATE TABLE conversations (
    id                uuid PRIMARY KEY,
    organization_id   uuid        NOT NULL REFERENCES organizations (id),
    external_id       text        NOT NULL,
    provider          text        NOT NULL,
    agent_id          uuid        NOT NULL REFERENCES agents (id),
    version           text,
    started_at        timestamptz,
    ended_at          timestamptz,
    duration_seconds  numeric,
    ended_reason      text,
    cost              numeric,
    recording_url     text,
    customer_number   text,
    customer_name     text,
    system_prompt     text,
    metadata          jsonb       NOT NULL DEFAULT '{}',
    transcript        jsonb       NOT NULL DEFAULT '[]',
    last_received_at  timestamptz NOT NULL,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    -- The list's order: newest call first, by start time when known.
    sort_at           timestamptz GENERATED ALWAYS AS (COALESCE(started_at, created_at)) STORED,
    CONSTRAINT conversations_unique_external_id UNIQUE (organization_id, external_id)
);
CREATE INDEX conversations_by_organization ON conversations (organization_id, sort_at DESC, id DESC);
CREATE INDEX conversations_by_agent ON conversations (agent_id, sort_at DESC, id DESC);
CREATE INDEX conversations_by_provider ON conversations (organization_id, provider, sort_at DESC, id DESC);
CREATE INDEX conversations_by_version ON conversations (organization_id, version, sort_at DESC, id DESC);
CREATE INDEX conversations_by_started_at ON conversations (organization_id, started_at DESC, id DESC);

--changeset zelto:001-deliveries
CREATE TABLE deliveries (
    id               uuid PRIMARY KEY,
    seq              bigint      GENERATED ALWAYS AS IDENTITY,
    -- The inserting transaction. Receive order is (txid, seq): the worker claims only rows whose txid is
    -- older than every running transaction, so no delivery committed later can sort before a claimed one.
    txid             xid8        NOT NULL DEFAULT pg_current_xact_id(),
    organization_id  uuid        NOT NULL REFERENCES organizations (id),
    provider         text        NOT NULL,
    received_at      timestamptz NOT NULL,
    body             bytea       NOT NULL,
    headers          jsonb       NOT NULL,
    external_id      text,
    status           text        NOT NULL,
    reason           text,
    conversation_id  uuid,
    processed_at     timestamptz
);
CREATE INDEX deliveries_pending ON deliveries (txid, seq) WHERE status = 'pending';
CREATE INDEX deliveries_pending_by_call ON deliveries (organization_id, external_id, txid, seq)
    WHERE status = 'pending';

--changeset zelto:001-credits
CREATE TABLE credit_ledger (
    id               bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organization_id  uuid        NOT NULL REFERENCES organizations (id),
    kind             text        NOT NULL CHECK (kind IN ('grant', 'charge')),
    amount           bigint      NOT NULL,
    -- A conversation has at most one charge: re-posts adjust it.
    conversation_id  uuid        UNIQUE,
    reason           text,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL
);
CREATE INDEX credit_ledger_by_organization ON credit_ledger (organization_id, kind);
