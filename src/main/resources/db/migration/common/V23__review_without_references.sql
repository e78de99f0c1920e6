-- A reviewer may approve an article that cites no reference only by saying why none is needed;
-- the reason stays with the review (which is never changed afterwards).
alter table medical_review add column no_references_reason varchar(4000);
