-- The key tokens are signed with, kept where every app machine reads it: in the data folder each
-- machine had its own, and a token minted through one was refused by the others unless the file
-- was copied by hand. One row per secret, written once (the first process to start wins).
CREATE TABLE secrets (name TEXT PRIMARY KEY, value TEXT NOT NULL);
