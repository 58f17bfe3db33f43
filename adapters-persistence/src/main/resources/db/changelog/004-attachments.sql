--liquibase formatted sql

--changeset zelto:004-delivery-attachment
-- An audio file uploaded with the delivery, already in the blob store:
-- {"blobKey", "contentType", "bytes", "sha256", "durationSeconds"}.
ALTER TABLE deliveries ADD COLUMN attachment jsonb;
