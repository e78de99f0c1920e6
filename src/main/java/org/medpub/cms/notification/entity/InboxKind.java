package org.medpub.cms.notification.entity;

/**
 * What an inbox entry announces. Each kind is worded in the UI bundles twice: a short name
 * ({@code InboxKind.*}) and a sentence of what happened ({@code inbox.what.*}).
 */
public enum InboxKind {
    /** Submitted for medical review, and no reviewer assigned: any medical reviewer may take it. */
    REVIEW_REQUESTED,
    /** Submitted for medical review, assigned to the reader. */
    REVIEW_ASSIGNED,
    /** Rejected in medical review: back to draft for its author, with the reviewer's comment. */
    CHANGES_REQUESTED,
    /** Approved in medical review: ready for an editor to publish. */
    READY_TO_PUBLISH,
    /** A published text's periodic medical review falls due soon. */
    RE_REVIEW_DUE,
    /** A published text's periodic medical review is past due. */
    RE_REVIEW_OVERDUE
}
