package org.medpub.cms.platform.entity;

import java.util.List;

/** The roles of the editorial team, by the names used in the API, the database and the security constraints. */
public final class Role {

    public static final String AUTHOR = "author";
    public static final String TRANSLATOR = "translator";
    public static final String MEDICAL_REVIEWER = "medical-reviewer";
    public static final String EDITOR = "editor";
    public static final String ADMIN = "admin";

    /** Every role, in the order the users page lists them. */
    public static final List<String> ALL = List.of(AUTHOR, TRANSLATOR, MEDICAL_REVIEWER, EDITOR, ADMIN);

    private Role() {
    }
}
