-- Revisions, reviews and the audit trail are history: once written they are never changed or
-- deleted, whatever the application (or anyone with its database role) attempts.
create function refuse_history_change() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % refused', tg_table_name, tg_op
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger revision_append_only before update or delete on revision
    for each row execute function refuse_history_change();
create trigger revision_topic_append_only before update or delete on revision_topic
    for each row execute function refuse_history_change();
create trigger revision_reference_append_only before update or delete on revision_reference
    for each row execute function refuse_history_change();
create trigger medical_review_append_only before update or delete on medical_review
    for each row execute function refuse_history_change();
create trigger medical_review_check_append_only before update or delete on medical_review_check
    for each row execute function refuse_history_change();
create trigger audit_event_append_only before update or delete on audit_event
    for each row execute function refuse_history_change();
create trigger editorial_comment_append_only before update or delete on editorial_comment
    for each row execute function refuse_history_change();
create trigger history_no_truncate before truncate on revision
    for each statement execute function refuse_history_change();
create trigger audit_no_truncate before truncate on audit_event
    for each statement execute function refuse_history_change();
