-- The change log of 0002 is trimmed once every 1000 entries instead of at each one (as on SQLite).
-- Rows deleted in a transaction stay in the index until vacuum, and each trim scanned all those
-- the transaction had deleted before it: a seed of n posts in one transaction cost n² (16,000 log
-- entries took 6.6 s). A number that falls in a gap (a rolled-back write) skips one trim; the next
-- takes what it left.
CREATE OR REPLACE FUNCTION track_changes_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF new.seq % 1000 = 0 THEN
        DELETE FROM track_changes WHERE seq <= new.seq - 1000;
    END IF;
    RETURN NULL;
END
$$;
