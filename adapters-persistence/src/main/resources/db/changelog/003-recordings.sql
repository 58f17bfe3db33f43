--liquibase formatted sql

--changeset zelto:003-recordings
-- The state of Zelto's own copy of each conversation's recording.
CREATE TABLE recordings (
    conversation_id   uuid PRIMARY KEY REFERENCES conversations (id),
    source_url        text,
    status            text        NOT NULL CHECK (status IN ('pending', 'stored', 'failed')),
    reason            text,
    content_type      text,
    bytes             bigint,
    duration_seconds  numeric,
    blob_key          text,
    sha256            text,
    updated_at        timestamptz NOT NULL
);

--changeset zelto:003-jobs
-- Durable background jobs. A claimed job's run_at is pushed forward by its lease: a worker that dies lets it
-- become due again.
CREATE TABLE jobs (
    id               bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind             text        NOT NULL,
    conversation_id  uuid        NOT NULL,
    payload          text        NOT NULL,
    status           text        NOT NULL CHECK (status IN ('pending', 'done', 'failed')),
    attempts         integer     NOT NULL DEFAULT 0,
    run_at           timestamptz NOT NULL,
    last_error       text,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL
);
CREATE INDEX jobs_due ON jobs (run_at) WHERE status = 'pending';
