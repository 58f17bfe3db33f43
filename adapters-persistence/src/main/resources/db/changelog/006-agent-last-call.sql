--liquibase formatted sql

--changeset zelto:006-agent-last-call-derived
-- An agent's last call is derived from its conversations at read time: processing no longer writes agent rows,
-- so workers of several app copies never lock them against each other.
ALTER TABLE agents DROP COLUMN last_call_at;
CREATE INDEX conversations_last_received_by_agent ON conversations (agent_id, last_received_at DESC);
