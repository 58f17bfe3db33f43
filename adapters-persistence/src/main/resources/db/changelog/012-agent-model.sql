--liquibase formatted sql

--changeset zelto:012-agent-model
-- The model a text agent chats with, on its organization's or the server's model API (null: that API's default).
ALTER TABLE agents ADD COLUMN model text;
