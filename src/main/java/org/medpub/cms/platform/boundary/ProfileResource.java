package org.medpub.cms.platform.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.TreeMap;
import org.medpub.cms.platform.control.PublicProfiles;
import org.medpub.cms.platform.entity.UserAccount;

/**
 * A user's public profile, for an admin or the user themself: {@code GET} it, {@code PUT} its slug
 * and whether readers see it, {@code PUT .../locales/{locale}} its name, credentials and bio in a
 * locale. Readers find a public profile at {@code /{locale}/people/{slug}}.
 */
@Path("users/{username}/profile")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ProfileResource {

    @Inject
    PublicProfiles profiles;

    @Inject
    Caller caller;

    /** The body of {@code PUT /api/users/{username}/profile}. */
    public record Settings(@Size(max = 200) String slug, @NotNull Boolean visible) {
    }

    /** The body of {@code PUT /api/users/{username}/profile/locales/{locale}}; blank fields are empty. */
    public record Texts(@Size(max = 1000) String displayName, @Size(max = 1000) String credentials, @Size(max = 5000) String bio) {
    }

    /** A profile as the API shows it: its address, whether it is public, its texts per locale. */
    public record ProfileView(String username, String slug, boolean visible, Map<String, Texts> locales) {

        static ProfileView of(UserAccount account) {
            Map<String, Texts> texts = new TreeMap<>();
            account.getProfile().forEach((locale, text) ->
                    texts.put(locale, new Texts(text.getDisplayName(), text.getCredentials(), text.getBio())));
            return new ProfileView(account.getUsername(), account.profileSlug().orElse(null), account.isProfilePublic(), texts);
        }
    }

    @GET
    public ProfileView get(@PathParam("username") String username) {
        return ProfileView.of(profiles.of(caller.actor(), username));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public ProfileView put(@PathParam("username") String username, @NotNull @Valid Settings settings) {
        return ProfileView.of(profiles.publish(caller.actor(), username, settings.slug(), settings.visible()));
    }

    @PUT
    @Path("locales/{locale}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ProfileView putTexts(@PathParam("username") String username, @PathParam("locale") String locale,
            @NotNull @Valid Texts texts) {
        return ProfileView.of(profiles.describe(caller.actor(), username, locale, texts.displayName(), texts.credentials(),
                texts.bio()));
    }
}
