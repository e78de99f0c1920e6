package org.medpub.cms.admin.boundary;

import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import org.medpub.cms.platform.control.EnabledLocales;

/**
 * The language of the editorial UI: what the user chose in the selector, kept for the session;
 * until they choose, the best match of their browser's {@code Accept-Language}.
 */
@Named
@SessionScoped
public class UiLanguage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A language to choose, named in that language. */
    public record Choice(String tag, String name) implements Serializable {
    }

    @Inject
    EnabledLocales locales;

    // the request of the moment, read only to choose the first language
    @Inject
    transient HttpServletRequest request;

    private String tag;

    public String getTag() {
        if (tag == null) {
            tag = locales.preferred(request.getHeader("Accept-Language"));
        }
        return tag;
    }

    public void setTag(String chosen) {
        locales.find(chosen).ifPresent(found -> tag = found);
    }

    public Locale getLocale() {
        return Locale.forLanguageTag(getTag());
    }

    public String getDirection() {
        return List.of("ar", "he", "fa", "ur").contains(getLocale().getLanguage()) ? "rtl" : "ltr";
    }

    public List<Choice> getChoices() {
        return locales.all().stream()
                .map(t -> new Choice(t, Locale.forLanguageTag(t).getDisplayName(Locale.forLanguageTag(t))))
                .toList();
    }

    /** The selector posts the form; staying on the page shows it in the new language. */
    public void choose() {
        // the value is set by the form; nothing else to do
    }
}
