package org.medpub.cms.admin.boundary;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import org.medpub.cms.platform.control.BusinessException;

/** What the editor's beans tell the user after an action: done, or refused with the problem's title. */
final class Notices {

    private Notices() {
    }

    static void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    static void error(String field, String text) {
        error(field, text, null);
    }

    static void error(String field, String summary, String detail) {
        FacesContext.getCurrentInstance().addMessage(field, new FacesMessage(FacesMessage.SEVERITY_ERROR, summary, detail));
    }

    static void refused(Words words, BusinessException refused) {
        String key = "problem." + refused.type() + ".title";
        error(null, words.textOr(key, refused.type()) + ": " + refused.getMessage());
    }

    /** Messages of an action that redirects are shown on the page it redirects to. */
    static void keepForRedirect() {
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    }
}
