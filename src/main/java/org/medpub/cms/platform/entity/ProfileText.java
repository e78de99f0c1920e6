package org.medpub.cms.platform.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * How a user is presented to readers in one locale: their name as shown there, their credentials
 * in that language ("MD, internal medicine", "Médica, medicina interna") and a short bio. Any of
 * them may be empty (null).
 */
@Embeddable
public class ProfileText {

    @Column(name = "display_name")
    private String displayName;

    private String credentials;

    private String bio;

    protected ProfileText() {
    }

    public ProfileText(String displayName, String credentials, String bio) {
        this.displayName = displayName;
        this.credentials = credentials;
        this.bio = bio;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getCredentials() {
        return credentials;
    }

    public String getBio() {
        return bio;
    }
}
