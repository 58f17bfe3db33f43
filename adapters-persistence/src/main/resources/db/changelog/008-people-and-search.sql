--liquibase formatted sql

--changeset zelto:008-people
-- People who sign in to the console. Users existed before as the actors behind API keys; they gain a login.
-- The bootstrap owner of an existing install has no email until someone completes a setup link for it.
ALTER TABLE users ADD COLUMN email text;
ALTER TABLE users ADD COLUMN password_hash text;
ALTER TABLE users ADD COLUMN removed_at timestamptz;
-- One login per email across the install: the sign-in form has no organization field.
CREATE UNIQUE INDEX users_unique_email ON users (lower(email)) WHERE email IS NOT NULL AND removed_at IS NULL;

-- One-time links that let a person set their email (the owner's first setup) and password. Only the hash of the
-- token is stored; using a link deletes it.
CREATE TABLE setup_tokens (
    token_hash  text PRIMARY KEY,
    user_id     uuid        NOT NULL REFERENCES users (id),
    purpose     text        NOT NULL,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL
);
CREATE INDEX setup_tokens_by_user ON setup_tokens (user_id);

-- Console sessions, shared by every app copy. The cookie holds a random token; only its hash is stored.
CREATE TABLE web_sessions (
    token_hash    text PRIMARY KEY,
    user_id       uuid        NOT NULL REFERENCES users (id),
    csrf_token    text        NOT NULL,
    created_at    timestamptz NOT NULL,
    last_seen_at  timestamptz NOT NULL
);
CREATE INDEX web_sessions_by_user ON web_sessions (user_id);
CREATE INDEX web_sessions_by_last_seen ON web_sessions (last_seen_at);

-- Failed sign-ins, counted per account and per address to throttle guessing; old rows are pruned.
CREATE TABLE login_failures (
    id       bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email    text        NOT NULL,
    address  text        NOT NULL,
    at       timestamptz NOT NULL
);
CREATE INDEX login_failures_by_email ON login_failures (email, at);
CREATE INDEX login_failures_by_address ON login_failures (address, at);

--changeset zelto:008-search splitStatements:false
-- What "search by what was said" matches: the turns' text, the customer's name and number and the external id,
-- as words lowercased without stemming ('simple'), so every language that separates words with spaces or
-- punctuation finds its own words. The first 200,000 characters are indexed: a tsvector is limited to 1 MB, and a
-- conversation over it must still be stored. An hour of speech is about 60,000 characters.
CREATE FUNCTION zelto_search_document(external_id text, customer_name text, customer_number text,
                                      transcript jsonb) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT to_tsvector('simple'::regconfig, left(concat_ws(' ', external_id, customer_name, customer_number,
        (SELECT string_agg(turn ->> 'text', ' ' ORDER BY position)
         FROM jsonb_array_elements(CASE WHEN jsonb_typeof(transcript) = 'array' THEN transcript ELSE '[]' END)
              WITH ORDINALITY AS t(turn, position))), 200000))
$$;
ALTER TABLE conversations ADD COLUMN search_document tsvector
    GENERATED ALWAYS AS (zelto_search_document(external_id, customer_name, customer_number, transcript)) STORED;
CREATE INDEX conversations_search ON conversations USING gin (search_document);
-- How common each word is decides a search's plan: newest calls first while checking each (a common word finds a
-- page at once) or the index's matches sorted (a rare word). The default statistics keep the 1,000 most common
-- words and call every other one as common as the rarest of those, so a word in 100 calls of a million was planned
-- as if in 4,000 and scanned half of them for three seconds. Ten thousand words make the estimate good enough.
ALTER TABLE conversations ALTER COLUMN search_document SET STATISTICS 1000;
-- metadata.key=value filters: containment on jsonb.
CREATE INDEX conversations_metadata ON conversations USING gin (metadata jsonb_path_ops);

--changeset zelto:008-delivery-lists
-- The console shows every delivery of a call, and the recent (and the failed) deliveries of an organization.
CREATE INDEX deliveries_by_conversation ON deliveries (conversation_id) WHERE conversation_id IS NOT NULL;
CREATE INDEX deliveries_by_organization ON deliveries (organization_id, received_at DESC, id DESC);
CREATE INDEX deliveries_failed_by_organization ON deliveries (organization_id, received_at DESC, id DESC)
    WHERE status = 'failed';
