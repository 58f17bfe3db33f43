--liquibase formatted sql

--changeset zelto:010-phone-calls
-- A WhatsApp or Twilio call between a person and an agent, bridged into a LiveKit room named for it. Its
-- conversation is the one with the same (organization, external id = room name), found when read: ingestion
-- never writes here. The status only moves forward (see PhoneCall.Status).
CREATE TABLE phone_calls (
    id                uuid PRIMARY KEY,
    organization_id   uuid        NOT NULL REFERENCES organizations (id),
    channel           text        NOT NULL,
    direction         text        NOT NULL,
    status            text        NOT NULL,
    from_number       text,
    to_number         text,
    agent_id          uuid REFERENCES agents (id),
    room_name         text        NOT NULL UNIQUE,
    provider_call_id  text,
    started_at        timestamptz NOT NULL,
    connected_at      timestamptz,
    ended_at          timestamptz,
    duration_seconds  integer,
    reason            text,
    ended_by_zelto    boolean     NOT NULL DEFAULT false
);
-- WhatsApp's call id or Twilio's CallSid names one call; calls not yet known to the provider have none.
CREATE UNIQUE INDEX phone_calls_by_provider_id ON phone_calls (channel, provider_call_id);
CREATE INDEX phone_calls_newest ON phone_calls (organization_id, started_at DESC, id DESC);

-- Provider webhook events already received (Meta retries for days, Twilio's status callbacks may repeat), by a
-- key naming the organization and the event. WhatsApp events are kept with their content until acted on, which
-- happens after Meta has had its 200: a copy that stops meanwhile leaves them for another to finish.
CREATE TABLE phone_call_events (
    key              text PRIMARY KEY,
    organization_id  uuid        NOT NULL REFERENCES organizations (id),
    event            jsonb,
    received_at      timestamptz NOT NULL,
    claimed_at       timestamptz,
    done_at          timestamptz
);
CREATE INDEX phone_call_events_unfinished ON phone_call_events (received_at) WHERE done_at IS NULL;
