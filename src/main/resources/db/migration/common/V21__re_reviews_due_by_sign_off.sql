-- The re-reviews due are the published variants last signed off before a date: the reminders, the
-- dashboard and GET /api/reviews/due find them by this index, however large the library.
create index variant_live_signed_off on variant (live_signed_off_at);
