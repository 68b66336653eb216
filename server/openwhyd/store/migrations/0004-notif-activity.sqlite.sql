-- Notifications and likes' activity (openwhyd-social.md §1 and §2). A `notif` document is kept
-- whole in `doc` (its `uId` array with duplicates and order, as Mongo keeps it); `notif_users`
-- holds each distinct recipient for the `{uId: me}` lookups, rewritten with every save.
-- `activity` holds the `like` documents only, the sole kind the real server stores there.
CREATE TABLE notifs (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    t INTEGER NOT NULL,
    doc TEXT NOT NULL
);

CREATE TABLE notif_users (
    notif TEXT NOT NULL REFERENCES notifs (id) ON DELETE CASCADE,
    uid TEXT NOT NULL,
    PRIMARY KEY (uid, notif)
);
CREATE INDEX notif_users_notif ON notif_users (notif);

CREATE TABLE activity (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    uid TEXT NOT NULL,
    name TEXT,
    like_pid TEXT NOT NULL,
    like_uid TEXT,
    like_name TEXT
);
CREATE INDEX activity_user ON activity (uid, id);
CREATE INDEX activity_liked_user ON activity (like_uid, id);
CREATE INDEX activity_post ON activity (like_pid);
