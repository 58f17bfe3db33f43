--liquibase formatted sql

--changeset zelto:011-chat-sessions
-- A person's chat with a text agent. While a reply is on its way, replying_since holds when it was claimed (one
-- message at a time, across every copy of the app). An ended session is handed to ingestion as one conversation
-- (external id = the session id): handing_over_since marks a copy at it, delivered_at that ingestion stored it.
CREATE TABLE chat_sessions (
    id                  uuid PRIMARY KEY,
    organization_id     uuid        NOT NULL REFERENCES organizations (id),
    agent_id            uuid        NOT NULL REFERENCES agents (id),
    user_id             uuid,
    metadata            jsonb       NOT NULL,
    status              text        NOT NULL,
    created_at          timestamptz NOT NULL,
    last_activity_at    timestamptz NOT NULL,
    ended_at            timestamptz,
    ended_reason        text,
    message_count       integer     NOT NULL DEFAULT 0,
    replying_since      timestamptz,
    handing_over_since  timestamptz,
    delivered_at        timestamptz
);
CREATE INDEX chat_sessions_open_by_activity ON chat_sessions (last_activity_at) WHERE status = 'open';
CREATE INDEX chat_sessions_undelivered ON chat_sessions (ended_at) WHERE status = 'ended' AND delivered_at IS NULL;

CREATE TABLE chat_messages (
    session_id  uuid        NOT NULL REFERENCES chat_sessions (id),
    seq         integer     NOT NULL,
    role        text        NOT NULL,
    text        text        NOT NULL,
    created_at  timestamptz NOT NULL,
    PRIMARY KEY (session_id, seq)
);
