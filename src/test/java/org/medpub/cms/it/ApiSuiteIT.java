package org.medpub.cms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URISyntaxException;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole API suite against one Payara Micro on PostgreSQL: the WAR that {@code mvn package}
 * built is deployed once, and every group of tests runs as a nested class against it.
 */
@ExtendWith(ArquillianExtension.class)
class ApiSuiteIT {

    @Deployment(testable = false)
    static WebArchive builtWar() {
        return SuiteDeployment.builtWar();
    }

    @ArquillianResource
    URL server;

    @BeforeEach
    void shareServer() throws URISyntaxException {
        if (server != null) {
            Api.useServer(server.toURI());
        }
    }

    @Test
    void isReadyAndAlive() {
        assertEquals(200, Api.anonymous().get("/health/ready").status());
        assertEquals(200, Api.anonymous().get("/health/live").status());
    }

    @Nested
    class Articles extends ArticleApiTests {
    }

    @Nested
    class Revisions extends RevisionApiTests {
    }

    @Nested
    class Validation extends ValidationTests {
    }

    @Nested
    class Concurrency extends ConcurrentEditTests {
    }

    @Nested
    class Import extends ImportApiTests {
    }

    @Nested
    class BatchImport extends BatchImportTests {
    }

    @Nested
    class Platform extends PlatformTests {
    }

    @Nested
    class WorkflowStory extends WorkflowStoryTests {
    }

    @Nested
    class AppendOnly extends AppendOnlyTests {
    }

    @Nested
    class Identity extends IdentityTests {
    }

    @Nested
    class AccountSecurity extends AccountSecurityTests {
    }

    @Nested
    class Preview extends PreviewLinkTests {
    }

    @Nested
    class OneRenderer extends OneRendererTests {
    }

    @Nested
    class Translations extends TranslationTests {
    }

    @Nested
    class ReaderSite extends ReaderSiteTests {
    }

    @Nested
    class ReviewDates extends ReviewDatesTests {
    }

    @Nested
    class People extends PeopleTests {
    }

    @Nested
    class ChangeLog extends ChangeLogTests {
    }

    @Nested
    class StatementStory extends StatementStoryTests {
    }

    @Nested
    class ReaderSearch extends ReaderSearchTests {
    }

    @Nested
    class Topics extends TopicsTests {
    }

    @Nested
    class Notifications extends NotificationTests {
    }

    @Nested
    class Authorization extends AuthorizationTableTests {
    }

    @Nested
    class NoLeaks extends NoLeakTests {
    }

    @Nested
    class ProblemLanguage extends ProblemLanguageTests {
    }

    @Nested
    class Xliff extends XliffTests {
    }

    @Nested
    class TranslationStory extends TranslationStoryTests {
    }

    @Nested
    class TranslationMemoryIndex extends TranslationMemoryTests {
    }

    @Nested
    class BadInput extends BadInputCorpusTests {
    }

    @Nested
    class Accessibility extends AccessibilityTests {
    }

    @Nested
    class AdminUi extends AdminUiTests {
    }

    @Nested
    class UserAdmin extends UserAdminTests {
    }

    @Nested
    class Accounts extends AccountTests {
    }

    @Nested
    class AdminStory extends AdminStoryTests {
    }

    @Nested
    class ArticleList extends ArticleListTests {
    }

    @Nested
    class ArticleListStory extends ArticleListStoryTests {
    }

    @Nested
    class DomainLimits extends DomainLimitsTests {
    }

    @Nested
    class SecurityEdge extends SecurityEdgeTests {
    }

    @Nested
    class DatabaseOutage extends DatabaseOutageTests {
    }

    @Nested
    class ListenerAddress extends ListenerAddressTests {
    }

    @Nested
    class TypedWorkflow extends TypedWorkflowTests {
    }

    @Nested
    class PermissionsInControl extends PermissionsInControlTests {
    }

    @Nested
    class AdminErrors extends AdminErrorsTests {
    }

    @Nested
    class AdminWorkflow extends AdminWorkflowTests {
    }

    @Nested
    class AdminWorkflowStory extends AdminWorkflowStoryTests {
    }

    @Nested
    class Editor extends EditorTests {
    }

    @Nested
    class EditorBrowser extends EditorBrowserTests {
    }

    @Nested
    class AutosaveCrash extends AutosaveCrashTests {
    }

    @Nested
    class Inbox extends InboxTests {
    }

    @Nested
    class AdminAccessibility extends AdminAccessibilityTests {
    }

    @Nested
    class ReaderPaging extends ReaderPagingTests {
    }

    @Nested
    class ReaderListing extends ReaderListingTests {
    }

    @Nested
    class StatementCount extends StatementCountTests {
    }

    @Nested
    class MediaLibrary extends MediaLibraryTests {
    }

    @Nested
    class AdminMediaStory extends AdminMediaStoryTests {
    }

    @Nested
    class Metrics extends MetricsTests {
    }

    @Nested
    class RequestIds extends RequestIdTests {
    }

    @Nested
    class PlainLanguage extends PlainLanguageTests {
    }
}
