package org.medpub.cms.admin.boundary;

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
        if (refused instanceof PasswordPolicy.Refused weak) {
            Notices.error(formId + ":password", words.with(weak.reasonKey(), "min", PasswordPolicy.MIN_LENGTH));
        } else if (!refused.errors().isEmpty()) {
            refused.errors().forEach(wrong -> Notices.error(formId + ":" + wrong.field(),
                    words.textOr("account." + wrong.field() + ".invalid", wrong.message())));
        } else {
            Notices.refused(words, refused);
        }
    }

    /** No core was free to check a password in time. */
    static void busy(Words words) {
        Notices.error(null, words.text("login.error.busy"));
    }
}
