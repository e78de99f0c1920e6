package org.medpub.cms.workflow.control;

import java.util.Locale;

/**
 * The steps of the {@link EditorialWorkflow}. The API, the audit trail and the i18n bundles
 * ({@code workflow.action.<key>}) name each by its {@link #key()}.
 */
public enum WorkflowAction {
    SUBMIT,
    APPROVE,
    REJECT,
    PUBLISH,
    UNPUBLISH,
    ARCHIVE,
    REAPPROVE,
    /** Brings an archived article back into the workflow as a draft; readers see nothing until it is published again. */
    RESTORE,
    /**
     * Taken by the product itself, never asked for: what readers see of a translation goes off
     * line after a safety-relevant change of its source ({@code cms.translation.safety-policy=offline}).
     */
    WITHDRAW;

    /** The action's name in the API and the audit trail: {@code submit}, {@code approve}, … */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
