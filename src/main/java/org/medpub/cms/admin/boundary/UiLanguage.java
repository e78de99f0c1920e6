package org.medpub.cms.admin.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.medpub.cms.platform.control.EnabledLocales;
import org.medpub.cms.platform.control.WritingDirection;

/**
 * The language of the editorial UI: what the user chose in the selector, kept in a cookie of the
 * browser's session ({@value #COOKIE}) rather than in a server session, so that the sign-in page
 * can offer it without starting one; until they choose, the best match of their browser's
 * {@code Accept-Language}.
 */
@Named
@RequestScoped
public class UiLanguage {

    static final String COOKIE = "cms-language";

    /** A language to choose, named in that language. */
    public record Choice(String tag, String name) {
    }

    @Inject
    EnabledLocales locales;

    @Inject
    HttpServletRequest request;

    private String tag;

    public String getTag() {
        if (tag == null) {
            tag = chosen().orElseGet(() -> locales.preferred(request.getHeader("Accept-Language")));
        }
        return tag;
    }

    public void setTag(String chosen) {
        locales.find(chosen).ifPresent(found -> {
            tag = found;
            remember(found);
        });
    }

    public Locale getLocale() {
        return Locale.forLanguageTag(getTag());
    }

    public String getDirection() {
        return WritingDirection.of(getTag());
    }

    /** An arrow from one thing to the next, pointing the way the UI language reads: bidi does not mirror arrows. */
    public String getOnward() {
        return "rtl".equals(getDirection()) ? "←" : "→";
    }

    /** The direction of text in another language than the UI's, such as the article being edited. */
    public String directionOf(String languageTag) {
        return WritingDirection.of(languageTag);
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

    private Optional<String> chosen() {
        Cookie[] cookies = request.getCookies();
        return cookies == null ? Optional.empty() : Stream.of(cookies)
                .filter(cookie -> COOKIE.equals(cookie.getName()))
                .map(cookie -> locales.find(cookie.getValue()))
                .flatMap(Optional::stream)
                .findFirst();
    }

    private void remember(String chosen) {
        var response = (HttpServletResponse) FacesContext.getCurrentInstance().getExternalContext().getResponse();
        Cookie cookie = new Cookie(COOKIE, chosen);
        cookie.setPath(request.getContextPath() + "/admin/");
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }
}
