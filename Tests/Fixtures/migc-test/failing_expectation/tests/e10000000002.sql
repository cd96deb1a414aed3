-- before
INSERT INTO users (email, name) VALUES ('ada@example.com', NULL);
INSERT INTO users (email, name) VALUES ('grace@example.com', 'Grace');
-- expect: SELECT count(*) = 2 FROM users WHERE email LIKE '%@example.com'
-- after
-- expect: SELECT display_name = 'ada@example.com' FROM users WHERE email = 'ada@example.com'
-- expect: SELECT display_name = 'Grace' FROM users WHERE email = 'grace@example.com'
-- expect: SELECT count(*) = 0 FROM users WHERE display_name IS NULL
