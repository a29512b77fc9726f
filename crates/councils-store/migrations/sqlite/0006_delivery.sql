-- Web Push subscriptions: the browsers a member asked to be told in when something needs
-- them (an alert, a report to verify). An endpoint is a URL that reaches one browser, so it is
-- personal data, and its keys let whoever holds them write to that browser: both are sealed
-- under the instance key, bound to the row's id. The endpoint's keyed hash (the key is not in
-- the database) finds a subscription again when its browser subscribes anew or unsubscribes,
-- without the endpoint being readable; it is unique, so one browser is told for one member
-- only (the last to subscribe on it). A subscription goes with its member's account, when
-- the member removes it, and when the push service says it no longer exists.
create table push_subscription (
    push_subscription_id text primary key,
    member_id text not null constraint push_subscription_member_fk references member (member_id) on delete cascade,
    endpoint_hash text not null constraint push_subscription_endpoint_hash_unique unique,
    -- XChaCha20-Poly1305 ciphertexts under the instance key.
    endpoint_sealed blob not null,
    -- The browser's P-256 public key and auth secret, as JSON, sealed the same way.
    keys_sealed blob not null,
    created_at bigint not null
);
create index push_subscription_member_idx on push_subscription (member_id);
