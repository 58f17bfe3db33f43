--liquibase formatted sql

--changeset zelto:009-agent-setup
-- Agents people create through the API or the console may have no external id; ingestion always gives one.
-- The unique constraint keeps holding: NULLs are distinct.
ALTER TABLE agents ALTER COLUMN external_id DROP NOT NULL;
ALTER TABLE agents ADD COLUMN livekit_agent_name text, ADD COLUMN system_prompt text;

--changeset zelto:009-voice-sessions
-- A LiveKit room Zelto created for a person to talk to an agent. Its conversation is the one with the same
-- (organization, external id = room name), found when read: ingestion never writes here.
CREATE TABLE voice_sessions (
    room_name        text PRIMARY KEY,
    organization_id  uuid        NOT NULL REFERENCES organizations (id),
    agent_id         uuid        NOT NULL REFERENCES agents (id),
    user_id          uuid        NOT NULL REFERENCES users (id),
    status           text        NOT NULL,
    created_at       timestamptz NOT NULL,
    started_at       timestamptz,
    ended_at         timestamptz
);
CREATE INDEX voice_sessions_newest ON voice_sessions (organization_id, created_at DESC, room_name DESC);
CREATE INDEX voice_sessions_open ON voice_sessions (organization_id, created_at) WHERE status <> 'ended';

-- LiveKit webhook event ids already acted on (LiveKit retries; the id is the same on every attempt).
CREATE TABLE livekit_webhook_events (
    id           text PRIMARY KEY,
    received_at  timestamptz NOT NULL
);
CREATE INDEX livekit_webhook_events_by_time ON livekit_webhook_events (received_at);
