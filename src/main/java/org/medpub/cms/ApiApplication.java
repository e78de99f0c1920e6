package org.medpub.cms;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;
import org.glassfish.jersey.media.multipart.MultiPartFeature;
import org.medpub.cms.archive.boundary.ArchiveExportResource;
import org.medpub.cms.archive.boundary.ArchiveImportResource;
import org.medpub.cms.article.boundary.ArticlesResource;
import org.medpub.cms.article.boundary.ClaimChecksResource;
import org.medpub.cms.article.boundary.ContradictionsResource;
import org.medpub.cms.article.boundary.StatementsResource;
import org.medpub.cms.article.boundary.AudienceResource;
import org.medpub.cms.article.boundary.DisclosureResource;
import org.medpub.cms.article.boundary.GlossaryResource;
import org.medpub.cms.article.boundary.ImportResource;
import org.medpub.cms.article.boundary.ReadabilityResource;
import org.medpub.cms.article.boundary.TopicsResource;
import org.medpub.cms.media.boundary.MediaResource;
import org.medpub.cms.platform.boundary.JsonProvider;
import org.medpub.cms.platform.boundary.ProblemMappers;
import org.medpub.cms.platform.boundary.ProfileResource;
import org.medpub.cms.platform.boundary.RequestSizeLimit;
import org.medpub.cms.translation.boundary.LocalesResource;
import org.medpub.cms.translation.boundary.SourceChangesResource;
import org.medpub.cms.translation.boundary.TranslationsResource;
import org.medpub.cms.translation.boundary.XliffExportResource;
import org.medpub.cms.translation.boundary.XliffImportResource;
import org.medpub.cms.workflow.boundary.AssignmentResource;
import org.medpub.cms.workflow.boundary.BatchImportResource;
import org.medpub.cms.workflow.boundary.CommentsResource;
import org.medpub.cms.workflow.boundary.HistoryResource;
import org.medpub.cms.workflow.boundary.PreviewLinkResource;
import org.medpub.cms.workflow.boundary.ReviewsResource;
import org.medpub.cms.workflow.boundary.ScheduleResource;
import org.medpub.cms.workflow.boundary.StatementTransitionsResource;
import org.medpub.cms.workflow.boundary.TransitionsResource;
import org.medpub.cms.workflow.boundary.WorkflowResource;

/**
 * The JSON API under {@code /api}. It lists what it serves rather than letting the server scan
 * the libraries: the Jackson jars carry providers and exception mappers of their own that
 * would answer bad JSON with plain text instead of a problem.
 */
@ApplicationPath("/api")
public class ApiApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(
                ArticlesResource.class,
                StatementsResource.class,
                ClaimChecksResource.class,
                ContradictionsResource.class,
                AudienceResource.class,
                DisclosureResource.class,
                ProfileResource.class,
                ImportResource.class,
                TopicsResource.class,
                GlossaryResource.class,
                ReadabilityResource.class,
                BatchImportResource.class,
                TransitionsResource.class,
                StatementTransitionsResource.class,
                HistoryResource.class,
                AssignmentResource.class,
                ScheduleResource.class,
                CommentsResource.class,
                WorkflowResource.class,
                ReviewsResource.class,
                PreviewLinkResource.class,
                TranslationsResource.class,
                SourceChangesResource.class,
                LocalesResource.class,
                XliffExportResource.class,
                XliffImportResource.class,
                MediaResource.class,
                ArchiveExportResource.class,
                ArchiveImportResource.class,
                MultiPartFeature.class,
                JsonProvider.class,
                RequestSizeLimit.class,
                ProblemMappers.BusinessExceptionMapper.class,
                ProblemMappers.ValidationMapper.class,
                ProblemMappers.JsonMapper.class,
                ProblemMappers.WebApplicationMapper.class,
                ProblemMappers.UnexpectedMapper.class);
    }

    /**
     * Jersey in Payara registers JSON-B and MOXy writers by itself, and with Jackson beside them
     * the writer chosen changed from one start to the next: turn both off so Jackson always writes.
     */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of(
                "jersey.config.disableJsonBinding", true,
                "jersey.config.disableMoxyJson", true,
                "jersey.config.server.disableMetainfServicesLookup", true,
                "jersey.config.server.wadl.disableWadl", true);
    }
}
