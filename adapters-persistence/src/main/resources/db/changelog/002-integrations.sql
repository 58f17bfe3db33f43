--liquibase formatted sql

--changeset zelto:002-delivery-channel
-- How a delivery arrived: 'api_key' (POST /webhooks/calls) or 'hook_url' (POST /webhooks/{provider}/{token}).
ALTER TABLE deliveries ADD COLUMN channel text NOT NULL DEFAULT 'api_key';

--changeset zelto:002-provider-settings
CREATE TABLE provider_settings (
    organization_id  uuid        NOT NULL REFERENCES organizations (id),
    provider         text        NOT NULL,
    -- {name: {"ciphertext": "...", "hint": "...", "updatedAt": "..."}}; values are AES-GCM encrypted by the app.
    settings         jsonb       NOT NULL,
    updated_at       timestamptz NOT NULL,
    PRIMARY KEY (organization_id, provider)
);

CREATE TABLE provider_hooks (
    organization_id   uuid        NOT NULL REFERENCES organizations (id),
    provider          text        NOT NULL,
    -- Lookups go by the token's SHA-256; the token itself is kept encrypted to show the URL again.
    token_hash        text        NOT NULL UNIQUE,
    token_ciphertext  text        NOT NULL,
    created_at        timestamptz NOT NULL,
    PRIMARY KEY (organization_id, provider)
);

--changeset zelto:002-system-values
-- Values of the installation itself, such as the check that every app copy encrypts with the same key.
CREATE TABLE zelto_system (
    name   text PRIMARY KEY,
    value  text NOT NULL
);
