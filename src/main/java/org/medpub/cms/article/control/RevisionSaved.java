package org.medpub.cms.article.control;

import org.medpub.cms.article.entity.Revision;

/** Fired inside the transaction that saved a new revision, so that the workflow can react to the edit. */
public record RevisionSaved(Revision revision) {
}
