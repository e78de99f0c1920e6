package org.medpub.cms.admin.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import java.io.IOException;

/**
 * The page of the editorial UI that answers an error inside {@code /admin} (a page for admins
 * only, an unknown page or article), in the admin's layout and the UI language, with the status of
 * the error. The container's error page ({@code site/boundary/ErrorPage}) shows it for every
 * address under {@code /admin/}; the API keeps its problem answers.
 */
@Named
@RequestScoped
public class AdminError {

    /** The view that shows the error; {@code ErrorPage} names the same address. */
    static final String VIEW = "/admin/error.xhtml";

    /** A request attribute: what exactly was not found, in the UI language, for the page to say. */
    private static final String TEXT = AdminError.class.getName() + ".text";

    @Inject
    Words words;

    /** Answers the request with the error page and this status, saying what happened in {@code text}. */
    static void answer(int status, String text) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        external.getRequestMap().put(TEXT, text);
        try {
            external.responseSendError(status, null);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        faces.responseComplete();
    }

    /** The status of the error shown; a direct request for this page is answered as an unknown address. */
    public int getStatus() {
        Object status = FacesContext.getCurrentInstance().getExternalContext().getRequestMap()
                .get(RequestDispatcher.ERROR_STATUS_CODE);
        return status instanceof Integer code ? code : 404;
    }

    /** On showing the page: the status of the error, also when the page was asked for directly. */
    public void load() {
        FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(getStatus());
    }

    public String getTitle() {
        return words.text(switch (getStatus()) {
            case 403 -> "adminError.forbidden.title";
            case 404 -> "adminError.notFound.title";
            default -> "adminError.failed.title";
        });
    }

    public String getText() {
        Object text = FacesContext.getCurrentInstance().getExternalContext().getRequestMap().get(TEXT);
        if (text instanceof String said) {
            return said;
        }
        return words.text(switch (getStatus()) {
            case 403 -> "adminError.forbidden.text";
            case 404 -> "adminError.notFound.text";
            default -> "adminError.failed.text";
        });
    }
}
