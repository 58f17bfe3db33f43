--liquibase formatted sql

--changeset zelto:007-lz4-toast splitStatements:false
-- The large values (a delivery's body, a conversation's transcript) were compressed with pglz; lz4 (PostgreSQL
-- 14+, when built with it) compresses several times faster for a little less ratio. With it and the index below
-- dropped, PostgreSQL spent about a sixth less CPU per upload under the benchmark. Values already stored keep
-- their compression until rewritten. Where lz4 is not available, the columns keep pglz and the migration goes on.
DO $$
BEGIN
    ALTER TABLE deliveries ALTER COLUMN body SET COMPRESSION lz4;
    ALTER TABLE deliveries ALTER COLUMN headers SET COMPRESSION lz4;
    ALTER TABLE conversations ALTER COLUMN transcript SET COMPRESSION lz4;
    ALTER TABLE conversations ALTER COLUMN metadata SET COMPRESSION lz4;
    ALTER TABLE conversations ALTER COLUMN system_prompt SET COMPRESSION lz4;
EXCEPTION WHEN OTHERS THEN
    RAISE NOTICE 'lz4 compression is not available (%); large values stay compressed with pglz', SQLERRM;
END
$$;

--changeset zelto:007-drop-conversations-by-started-at
-- The list orders and windows on sort_at (started_at where there is one), so nothing reads this index any more;
-- it cost an index insert for every new conversation.
DROP INDEX IF EXISTS conversations_by_started_at;
