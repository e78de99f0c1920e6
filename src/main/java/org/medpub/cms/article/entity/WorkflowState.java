package org.medpub.cms.article.entity;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a locale variant of an article stands in the editorial workflow. */
public enum WorkflowState {
    DRAFT("draft"),
    IN_REVIEW("in_review"),
    APPROVED("approved"),
    PUBLISHED("published"),
    ARCHIVED("archived");

    private final String key;

    WorkflowState(String key) {
        this.key = key;
    }

    /** The name used in the API and in the database. */
    @JsonValue
    public String key() {
        return key;
    }

    public static WorkflowState ofKey(String key) {
        for (WorkflowState state : values()) {
            if (state.key.equals(key)) {
                return state;
            }
        }
        throw new IllegalArgumentException("Unknown workflow state " + key);
    }
}
