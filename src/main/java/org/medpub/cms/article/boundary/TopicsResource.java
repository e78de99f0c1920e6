package org.medpub.cms.article.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.medpub.cms.article.control.Topics;
import org.medpub.cms.platform.boundary.Caller;
import org.medpub.cms.platform.control.BusinessException;

/**
 * The topic taxonomy: {@code GET /api/topics} (by key, {@code limit} at a time, continued with
 * {@code after}) and {@code PUT /api/topics/{key}/locales/{locale}} {@code {name, slug}}, which names a
 * topic in a locale, or adds the topic when the key is new and the locale is the default one (201).
 */
@Path("topics")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TopicsResource {

    @Inject
    Topics topics;

    @Inject
    Caller caller;

    @Inject
    @ConfigProperty(name = "cms.api.max-page-size")
    int maxPageSize;

    /** A topic's name and slug in one locale, as sent and as shown. */
    public record TopicName(String name, String slug) {
    }

    public record TopicView(String key, Map<String, TopicName> locales) {
        static TopicView of(Topics.Topic topic) {
            Map<String, TopicName> names = new LinkedHashMap<>();
            topic.locales().forEach((locale, name) -> names.put(locale, new TopicName(name.name(), name.slug())));
            return new TopicView(topic.key(), names);
        }
    }

    /** A page of topics; {@code next} is the address of the next page, null on the last. */
    public record TopicPage(List<TopicView> items, String next) {
    }

    @GET
    public TopicPage list(@QueryParam("after") String after, @QueryParam("limit") String limit) {
        int size = pageSize(limit);
        Topics.Page page = topics.list(after, size);
        return new TopicPage(page.items().stream().map(TopicView::of).toList(), page.after() == null ? null
                : "/api/topics?after=" + URLEncoder.encode(page.after(), StandardCharsets.UTF_8)
                        + "&limit=" + size);
    }

    @PUT
    @Path("{key}/locales/{locale}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response name(@PathParam("key") String key, @PathParam("locale") String locale, TopicName body) {
        Topics.Named named = topics.name(key, locale, body == null ? null : body.name(), body == null ? null : body.slug(),
                caller.actor());
        return (named.created() ? Response.status(Response.Status.CREATED) : Response.ok())
                .entity(TopicView.of(named.topic())).build();
    }

    private int pageSize(String limit) {
        if (limit == null || limit.isBlank()) {
            return Math.min(100, maxPageSize);
        }
        if (!limit.matches("[0-9]{1,6}") || Integer.parseInt(limit) < 1 || Integer.parseInt(limit) > maxPageSize) {
            throw new BusinessException.InvalidInput("limit", "must be between 1 and " + maxPageSize);
        }
        return Integer.parseInt(limit);
    }
}
