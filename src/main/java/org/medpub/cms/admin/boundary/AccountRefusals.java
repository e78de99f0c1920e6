package org.medpub.cms.admin.boundary;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import org.medpub.cms.platform.control.BusinessException;
import org.medpub.cms.platform.control.PasswordPolicy;

/**
 * Shows why an account was not changed next to the field at fault, in the UI language: a password
 * the policy refused with its reason ({@code users.password.*}), another field with its rule
 * ({@code account.<field>.invalid}); the fields of the account forms carry the names the control
 * gives them. Anything else is a message at the top.
 */
final class AccountRefusals {

    private AccountRefusals() {
    }

    static void show(String formId, BusinessException refused, Words words) {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (refused instanceof PasswordPolicy.Refused weak) {
            faces.addMessage(formId + ":password", error(words.with(weak.reasonKey(), "min", PasswordPolicy.MIN_LENGTH)));
        } else if (!refused.errors().isEmpty()) {
            refused.errors().forEach(wrong -> faces.addMessage(formId + ":" + wrong.field(),
                    error(words.textOr("account." + wrong.field() + ".invalid", wrong.message()))));
        } else {
            faces.addMessage(null, error(words.textOr("problem." + refused.type() + ".title", refused.type())
                    + ": " + refused.getMessage()));
        }
    }

    /** No core was free to check a password in time. */
    static void busy(Words words) {
        FacesContext.getCurrentInstance().addMessage(null, error(words.text("login.error.busy")));
    }

    private static FacesMessage error(String text) {
        return new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null);
    }
}
