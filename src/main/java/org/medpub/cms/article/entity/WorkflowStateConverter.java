package org.medpub.cms.article.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a workflow state by its API name, so the database reads like the API. */
@Converter(autoApply = true)
public class WorkflowStateConverter implements AttributeConverter<WorkflowState, String> {

    @Override
    public String convertToDatabaseColumn(WorkflowState state) {
        return state == null ? null : state.key();
    }

    @Override
    public WorkflowState convertToEntityAttribute(String key) {
        return key == null ? null : WorkflowState.ofKey(key);
    }
}
