package org.medpub.cms.media.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.medpub.cms.platform.control.BusinessException;
import org.medpub.cms.platform.control.BusinessException.FieldError;
import org.medpub.cms.platform.control.EnabledLocales;

/**
 * What an upload says about its image besides the bytes: where it comes from and under which
 * licence (required: a health publisher must show it may publish the image), and the texts of one
 * locale. Checked before the bytes are read, by the API and the media library page alike.
 *
 * @param locale the enabled locale, canonical
 */
public record UploadDetails(String licence, String source, String locale, MediaLibrary.Texts texts) {

    /** The details as given, checked; refuses naming every field that is missing or too long. */
    public static UploadDetails checked(boolean hasFile, String locale, MediaLibrary.Texts texts, String licence, String source,
            EnabledLocales locales) {
        List<FieldError> errors = new ArrayList<>();
        if (!hasFile) {
            errors.add(new FieldError("file", "required: the image").worded("refusal.media.fileRequired", Map.of()));
        }
        String canonical = locale == null || locale.isBlank() ? null : locales.find(locale).orElse(null);
        if (canonical == null) {
            errors.add(new FieldError("locale", locale == null || locale.isBlank() ? "required: the locale of alt, caption and credit"
                    : "'" + locale + "' is not one of the enabled locales " + locales.all()));
        }
        optional(errors, "alt", texts.alt(), 1000);
        optional(errors, "caption", texts.caption(), 2000);
        optional(errors, "credit", texts.credit(), 500);
        required(errors, "licence", licence, 500);
        required(errors, "source", source, 1000);
        if (!errors.isEmpty()) {
            throw new BusinessException.InvalidInput("The upload is incomplete", errors);
        }
        return new UploadDetails(licence.strip(), source.strip(), canonical, texts);
    }

    private static void required(List<FieldError> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "required: a health publisher must show it may publish the image")
                    .worded("refusal.media.required", Map.of()));
        } else {
            optional(errors, field, value, max);
        }
    }

    private static void optional(List<FieldError> errors, String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(new FieldError(field, "at most " + max + " characters").worded("refusal.media.tooLong", Map.of("max", max)));
        }
    }
}
