--liquibase formatted sql

--changeset zelto:013-event-retention runInTransaction:false
-- Done phone events are forgotten after a while (they are kept only to recognise a provider's retries); this finds
-- the old ones without reading the table. Built without blocking the webhooks that write to the table.
CREATE INDEX CONCURRENTLY IF NOT EXISTS phone_call_events_done ON phone_call_events (received_at)
    WHERE done_at IS NOT NULL;
