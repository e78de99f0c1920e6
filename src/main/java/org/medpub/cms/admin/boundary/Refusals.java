package org.medpub.cms.admin.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.medpub.cms.platform.boundary.ProblemMappers;
import org.medpub.cms.platform.control.BusinessException;
import org.medpub.cms.platform.control.BusinessException.FieldError;

/**
 * Refusals the user can act on: each field error of a refused save or step is shown next to its
 * field ({@code h:message}, the input {@code aria-invalid}) and in the summary at the top of the
 * page, linked to the field and named by its label, in the UI language. The field errors come from
 * Bean Validation (checked here, its messages interpolated in the UI language) and from the
 * {@link BusinessException}s of control, worded by the i18n key they carry; {@link FormFields}
 * says where each field is.
 */
@Named
@RequestScoped
public class Refusals {

    /** One line of the summary: the text, naming the field, and the link to the field's input. */
    public record Item(String anchor, String text) {
    }

    @Inject
    Words words;

    private static final Set<Class<?>> PRESENCE = Set.of(NotBlank.class, NotNull.class, NotEmpty.class);

    @Inject
    UiLanguage language;

    @Inject
    ValidatorFactory validation;

    /** Checks the value with Bean Validation; shows what is wrong and answers false, or answers true. */
    <T> boolean valid(T value, FormFields fields) {
        Locale locale = language.getLocale();
        MessageInterpolator standard = validation.getMessageInterpolator();
        MessageInterpolator inUiLanguage = new MessageInterpolator() {
            @Override
            public String interpolate(String template, Context context) {
                return standard.interpolate(template, context, locale);
            }

            @Override
            public String interpolate(String template, Context context, Locale wanted) {
                return standard.interpolate(template, context, wanted);
            }
        };
        // one message a field, and "required" before "malformed": an empty slug is not told its pattern too
        Map<String, ConstraintViolation<T>> firstOfField = new LinkedHashMap<>();
        validation.usingContext().messageInterpolator(inUiLanguage)
                .getValidator().validate(value).stream()
                .sorted(Comparator.comparing((ConstraintViolation<T> v) -> ProblemMappers.fieldOf(v), FormFields.AS_SHOWN)
                        .thenComparing(v -> !PRESENCE.contains(v.getConstraintDescriptor().getAnnotation().annotationType())))
                .forEach(v -> firstOfField.putIfAbsent(ProblemMappers.fieldOf(v), v));
        firstOfField.forEach((field, v) -> show(field, v.getMessage(), fields));
        return firstOfField.isEmpty();
    }

    /** Shows a refusal: at its fields when it names any, else as a message of the page. */
    void show(BusinessException refused, FormFields fields) {
        if (refused.errors().isEmpty()) {
            Notices.refused(words, refused);
            return;
        }
        for (FieldError error : refused.errors()) {
            String text = error.key() != null && words.has(error.key())
                    ? words.format(error.key(), error.arguments().entrySet().stream()
                            .flatMap(argument -> Stream.of(argument.getKey(), argument.getValue())).toArray())
                    : error.message();
            show(error.field(), text, fields);
        }
    }

    private void show(String field, String text, FormFields fields) {
        var place = fields.place(field, words);
        String label = place.map(FormFields.Place::label).orElse(field);
        Notices.error(place.map(FormFields.Place::clientId).orElse(null), label + ": " + text, text);
    }

    /** The summary at the top of the page: every message that belongs to a field. */
    public List<Item> getSummary() {
        FacesContext faces = FacesContext.getCurrentInstance();
        List<Item> items = new ArrayList<>();
        for (Iterator<String> ids = faces.getClientIdsWithMessages(); ids.hasNext(); ) {
            String clientId = ids.next();
            if (clientId == null) {
                continue;
            }
            for (FacesMessage message : faces.getMessageList(clientId)) {
                if (message.getSeverity().compareTo(FacesMessage.SEVERITY_ERROR) >= 0) {
                    items.add(new Item("#" + clientId, named(faces, clientId, message.getSummary())));
                }
            }
        }
        return items;
    }

    /** {@code "true"} for the input of a field that was refused, for its {@code aria-invalid}; otherwise nothing. */
    public String invalid(String clientId) {
        return FacesContext.getCurrentInstance().getMessageList(clientId).isEmpty() ? null : "true";
    }

    /** A message Faces made itself (a required field) names its field by the input's {@code label}, where it has one. */
    private static String named(FacesContext faces, String clientId, String summary) {
        UIComponent input;
        try {
            input = faces.getViewRoot().findComponent(clientId);
        } catch (IllegalArgumentException inARepeatedRow) {
            input = null;
        }
        Object label = input == null ? null : input.getAttributes().get("label");
        return label == null || summary.startsWith(label + ":") ? summary : label + ": " + summary;
    }
}
