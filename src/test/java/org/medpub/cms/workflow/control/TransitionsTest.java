package org.medpub.cms.workflow.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medpub.cms.article.entity.ArticleFixtures.AT;
import static org.medpub.cms.article.entity.ArticleFixtures.REVISIONS;
import static org.medpub.cms.article.entity.WorkflowState.APPROVED;
import static org.medpub.cms.article.entity.WorkflowState.ARCHIVED;
import static org.medpub.cms.article.entity.WorkflowState.DRAFT;
import static org.medpub.cms.article.entity.WorkflowState.IN_REVIEW;
import static org.medpub.cms.article.entity.WorkflowState.PUBLISHED;

import jakarta.enterprise.event.Event;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medpub.cms.article.control.ArticleStore;
import org.medpub.cms.article.control.RevisionSaved;
import org.medpub.cms.article.entity.Article;
import org.medpub.cms.article.entity.ArticleFixtures;
import org.medpub.cms.article.entity.ArticleVariant;
import org.medpub.cms.article.entity.Revision;
import org.medpub.cms.article.entity.WorkflowState;
import org.medpub.cms.platform.control.Actor;
import org.medpub.cms.platform.control.BusinessException;
import org.medpub.cms.platform.control.UserDirectory;
import org.medpub.cms.platform.entity.Role;
import org.medpub.cms.platform.entity.UserAccount;
import org.medpub.cms.workflow.entity.MedicalReview;
import org.medpub.cms.workflow.entity.ReviewDecision;
import org.medpub.cms.workflow.entity.ScheduledPublication;

/**
 * {@link Transitions} on plain objects: the article lives in memory, and so do the reviews,
 * schedules, audit lines and events it writes. The few queries it runs are answered from those
 * lists as the database would answer them.
 */
class TransitionsTest {

    private static final Map<String, Boolean> CONFIRMED = Map.of("sources-current", true, "risks-stated", true);

    private static final Actor AUTHOR = new Actor("author", Set.of(Role.AUTHOR));
    private static final Actor TRANSLATOR = new Actor("translator", Set.of(Role.TRANSLATOR));
    private static final Actor REVIEWER = new Actor("reviewer", Set.of(Role.MEDICAL_REVIEWER));
    private static final Actor EDITOR = new Actor("editor", Set.of(Role.EDITOR));
    private static final Actor ADMIN = new Actor("admin", Set.of(Role.ADMIN));

    private final List<Object> persisted = new ArrayList<>();
    private final List<String> audit = new ArrayList<>();
    private final List<WorkflowTransitioned> events = new ArrayList<>();
    private final Transitions transitions = new Transitions();
    private Article article;
    private ArticleVariant en;

    @BeforeEach
    void inMemory() {
        article = ArticleFixtures.article("en");
        en = ArticleFixtures.variant(article, "en", "author");
        transitions.em = ArticleFixtures.entityManager(persisted, this::answer);
        transitions.articles = new ArticleStore() {
            @Override
            public Optional<ArticleVariant> lockedVariant(long articleId, String locale) {
                return article.getId() == articleId ? article.variant(locale) : Optional.empty();
            }
        };
        transitions.users = new UserDirectory() {
            @Override
            public Optional<UserAccount> find(String username) {
                return Optional.of(new UserAccount(username, "hash", "Dr " + username, "MD", username + "@example.org",
                        Set.of(Role.MEDICAL_REVIEWER), Set.of(), AT));
            }
        };
        transitions.checklist = new ReviewChecklist();
        transitions.checklist.keys = List.copyOf(CONFIRMED.keySet());
        Clock clock = Clock.fixed(AT, ZoneOffset.UTC);
        transitions.clock = clock;
        transitions.auditTrail = new AuditTrail() {
            @Override
            void record(ArticleVariant variant, Revision revision, String action, WorkflowState from, WorkflowState to,
                    String actor, String comment) {
                audit.add(action + " r" + revision.getNumber() + " " + from + ">" + to + " " + actor
                        + (comment == null ? "" : ": " + comment));
            }
        };
        transitions.publicationWindow = new PublicationWindow(clock, "P10Y", "PT5M");
        transitions.transitioned = events();
    }

    private Transitions.Outcome take(WorkflowAction action, Actor actor) {
        return take(new TransitionCommand(action, null, null, null, null), actor);
    }

    private Transitions.Outcome take(TransitionCommand command, Actor actor) {
        return transitions.perform(article.getId(), "en", command, actor);
    }

    private static TransitionCommand approve(Map<String, Boolean> checklist) {
        return new TransitionCommand(WorkflowAction.APPROVE, null, null, checklist, null);
    }

    private void publishFirstRevision() {
        take(WorkflowAction.SUBMIT, AUTHOR);
        take(approve(CONFIRMED), REVIEWER);
        take(WorkflowAction.PUBLISH, EDITOR);
    }

    /** A save, as ArticleStore makes it: a new current revision, and the workflow told. */
    private Revision save(String author) {
        Revision revision = ArticleFixtures.save(en, author, null);
        transitions.onRevisionSaved(new RevisionSaved(revision));
        return revision;
    }

    private List<MedicalReview> reviews() {
        return persisted.stream().filter(MedicalReview.class::isInstance).map(MedicalReview.class::cast).toList();
    }

    @Test
    void anAuthorSubmitsADraftAndTheReviewersAreTold() {
        var outcome = take(WorkflowAction.SUBMIT, AUTHOR);

        assertEquals(IN_REVIEW, outcome.variant().getState());
        assertEquals(List.of("submit r1 DRAFT>IN_REVIEW author"), audit);
        WorkflowTransitioned step = events.get(0);
        assertEquals(WorkflowAction.SUBMIT, step.action());
        assertTrue(step.rule().tellsReviewers());
        assertEquals(DRAFT, step.from());
        assertEquals(IN_REVIEW, step.to());
        assertEquals(article.getId(), step.articleId());
    }

    @Test
    void aRoleTheRuleDoesNotNameIsRefusedBeforeAnythingElse() {
        var refused = assertThrows(BusinessException.Forbidden.class, () -> take(WorkflowAction.PUBLISH, AUTHOR));
        assertEquals(403, refused.status());
        assertTrue(refused.getMessage().startsWith("To publish you need one of the roles "), refused.getMessage());
        assertThrows(BusinessException.Forbidden.class, () -> take(WorkflowAction.APPROVE, TRANSLATOR));
        assertThrows(BusinessException.Forbidden.class, () -> take(WorkflowAction.SUBMIT, EDITOR));
        // nobody asks for the product's own step, an admin neither
        assertThrows(BusinessException.Forbidden.class, () -> take(WorkflowAction.WITHDRAW, ADMIN));
        // the role is checked before the article is looked for
        assertThrows(BusinessException.Forbidden.class, () -> transitions.perform(-1, "en",
                new TransitionCommand(WorkflowAction.PUBLISH, null, null, null, null), AUTHOR));
        assertEquals(DRAFT, en.getState());
        assertTrue(audit.isEmpty() && events.isEmpty() && persisted.isEmpty());
    }

    @Test
    void permissions_aTranslatorSubmitsOnlyTheLocalesTheyTranslateInto() {
        ArticleVariant es = ArticleFixtures.variant(article, "es", "teresa");
        ArticleFixtures.variant(article, "fr", "teresa");
        Actor teresa = new Actor("teresa", Set.of(Role.TRANSLATOR), Set.of("es"));

        var refused = assertThrows(BusinessException.Forbidden.class, () -> transitions.perform(article.getId(), "fr",
                new TransitionCommand(WorkflowAction.SUBMIT, null, null, null, null), teresa));
        assertEquals("You translate into es, not fr; an admin assigns the locales", refused.getMessage());
        assertThrows(BusinessException.Forbidden.class, () -> take(WorkflowAction.SUBMIT, teresa));
        assertTrue(audit.isEmpty() && events.isEmpty());

        transitions.perform(article.getId(), "es", new TransitionCommand(WorkflowAction.SUBMIT, null, null, null, null),
                teresa);
        assertEquals(IN_REVIEW, es.getState());
    }

    @Test
    void permissions_editorsAssignAnyReviewerAReviewerOnlyThemselves() {
        var refused = assertThrows(BusinessException.Forbidden.class,
                () -> transitions.assign(article.getId(), "en", "dr-other", REVIEWER));
        assertEquals(403, refused.status());
        assertThrows(BusinessException.Forbidden.class, () -> transitions.assign(article.getId(), "en", null, REVIEWER));
        assertThrows(BusinessException.Forbidden.class, () -> transitions.assign(article.getId(), "en", "reviewer", AUTHOR));
        assertTrue(audit.isEmpty());

        transitions.assign(article.getId(), "en", "reviewer", REVIEWER);
        transitions.assign(article.getId(), "en", "dr-other", EDITOR);
        transitions.assign(article.getId(), "en", null, ADMIN);
        assertEquals(List.of("assign r1 DRAFT>DRAFT reviewer: assigned to reviewer",
                "assign r1 DRAFT>DRAFT editor: assigned to dr-other", "assign r1 DRAFT>DRAFT admin: unassigned"), audit);
    }

    @Test
    void anUnknownArticleOrLocaleIsNotFound() {
        assertThrows(BusinessException.NotFound.class, () -> transitions.perform(-1, "en",
                new TransitionCommand(WorkflowAction.SUBMIT, null, null, null, null), AUTHOR));
        var refused = assertThrows(BusinessException.NotFound.class, () -> transitions.perform(article.getId(), "de",
                new TransitionCommand(WorkflowAction.SUBMIT, null, null, null, null), AUTHOR));
        assertEquals("Article " + article.getId() + " has no version in de", refused.getMessage());
    }

    @Test
    void aStepTheStateHasNoRuleForIsAConflict() {
        var refused = assertThrows(BusinessException.Conflict.class, () -> take(WorkflowAction.PUBLISH, EDITOR));
        assertEquals("transition-not-allowed", refused.type());
        assertEquals("Cannot publish an article that is draft", refused.getMessage());
        take(WorkflowAction.ARCHIVE, EDITOR);
        assertThrows(BusinessException.Conflict.class, () -> take(WorkflowAction.SUBMIT, ADMIN));
    }

    @Test
    void aStepOnARevisionOtherThanTheOneTheCallerSawIsAConflict() {
        save("author");

        var refused = assertThrows(BusinessException.Conflict.class,
                () -> take(new TransitionCommand(WorkflowAction.SUBMIT, null, null, null, 1), AUTHOR));
        assertEquals("revision-changed", refused.type());
        assertEquals(DRAFT, en.getState());
        assertEquals(IN_REVIEW, take(new TransitionCommand(WorkflowAction.SUBMIT, null, null, null, 2), AUTHOR)
                .variant().getState());
    }

    @Test
    void aReviewerApprovesWithTheWholeChecklistAndTheEditorsAreTold() {
        take(WorkflowAction.SUBMIT, AUTHOR);

        take(new TransitionCommand(WorkflowAction.APPROVE, "  Sound.  ", null, CONFIRMED, null), REVIEWER);

        assertEquals(APPROVED, en.getState());
        MedicalReview review = reviews().get(0);
        assertEquals(ReviewDecision.APPROVED, review.getDecision());
        assertEquals("reviewer", review.getReviewer());
        assertEquals("Sound.", review.getComment());
        assertEquals(CONFIRMED.keySet(), review.getConfirmed());
        assertSame(en.getCurrent(), review.getRevision());
        assertTrue(events.get(1).rule().tellsEditors() && events.get(1).rule().signsOff());
    }

    @Test
    void aRevisionCitingNoReferenceIsApprovedOnlyWithTheReasonWhyNoneIsNeeded() {
        ArticleFixtures.save(en, "author", null, false, List.of());
        take(WorkflowAction.SUBMIT, AUTHOR);

        var refused = assertThrows(BusinessException.Conflict.class, () -> take(approve(CONFIRMED), REVIEWER));
        assertEquals("references-missing", refused.type());
        assertEquals("noReferencesReason", refused.errors().get(0).field());
        assertThrows(BusinessException.Conflict.class, () -> take(new TransitionCommand(WorkflowAction.APPROVE, null, null,
                CONFIRMED, null, "  \n "), REVIEWER));
        assertEquals(IN_REVIEW, en.getState());
        assertTrue(reviews().isEmpty(), "nothing was recorded");

        take(new TransitionCommand(WorkflowAction.APPROVE, "Sound.", null, CONFIRMED, null,
                " A first-aid checklist:\n  nothing to cite "), REVIEWER);

        assertEquals(APPROVED, en.getState());
        assertEquals("A first-aid checklist: nothing to cite", reviews().get(0).getNoReferencesReason());
        assertEquals("approve r2 IN_REVIEW>APPROVED reviewer: no references needed: A first-aid checklist: nothing to cite"
                + "\nSound.", audit.get(audit.size() - 1));
    }

    @Test
    void anApprovalWithAnItemUnconfirmedOrUnknownIsRefusedNamingTheItem() {
        take(WorkflowAction.SUBMIT, AUTHOR);

        var missing = assertThrows(BusinessException.InvalidInput.class,
                () -> take(approve(Map.of("sources-current", true, "risks-stated", false)), REVIEWER));
        assertEquals("checklist.risks-stated", missing.errors().get(0).field());
        assertThrows(BusinessException.InvalidInput.class, () -> take(approve(null), REVIEWER));
        var unknown = assertThrows(BusinessException.InvalidInput.class, () -> take(approve(Map.of(
                "sources-current", true, "risks-stated", true, "looks-nice", true)), REVIEWER));
        assertEquals("checklist.looks-nice", unknown.errors().get(0).field());
        assertEquals(IN_REVIEW, en.getState());
        assertTrue(reviews().isEmpty());
    }

    @Test
    void nobodyApprovesARevisionTheyWroteOrEditedSinceTheLiveOneAnAdminNeither() {
        Actor writingReviewer = new Actor("dr-who", Set.of(Role.MEDICAL_REVIEWER, Role.AUTHOR));
        save("dr-who");
        save("author");
        take(WorkflowAction.SUBMIT, AUTHOR);

        var refused = assertThrows(BusinessException.Forbidden.class, () -> take(approve(CONFIRMED), writingReviewer));
        assertTrue(refused.getMessage().contains("four eyes"), refused.getMessage());
        assertTrue(transitions.wroteOrEdited("dr-who", EditorialWorkflow.rule(WorkflowAction.APPROVE, IN_REVIEW)
                .orElseThrow(), en.getCurrent()));

        ArticleVariant de = ArticleFixtures.variant(article, "de", "admin");
        transitions.perform(article.getId(), "de", new TransitionCommand(WorkflowAction.SUBMIT, null, null, null, null),
                ADMIN);
        assertThrows(BusinessException.Forbidden.class, () -> transitions.perform(article.getId(), "de",
                approve(CONFIRMED), ADMIN));
        assertEquals(IN_REVIEW, de.getState());
        assertTrue(reviews().isEmpty());
    }

    @Test
    void aRejectionNeedsACommentAndTellsTheAuthor() {
        take(WorkflowAction.SUBMIT, AUTHOR);

        var refused = assertThrows(BusinessException.InvalidInput.class,
                () -> take(new TransitionCommand(WorkflowAction.REJECT, "   ", null, null, null), REVIEWER));
        assertEquals("comment", refused.errors().get(0).field());
        assertEquals(IN_REVIEW, en.getState());

        take(new TransitionCommand(WorkflowAction.REJECT, "Cite the 2024 guideline.", null, null, null), REVIEWER);

        assertEquals(DRAFT, en.getState());
        assertEquals(ReviewDecision.REJECTED, reviews().get(0).getDecision());
        assertEquals("Cite the 2024 guideline.", reviews().get(0).getComment());
        assertTrue(events.get(1).rule().tellsAuthor());
        assertEquals("reject r1 IN_REVIEW>DRAFT reviewer: Cite the 2024 guideline.", audit.get(1));
    }

    @Test
    void anEditorPublishesTheApprovedRevisionAndReadersSeeIt() {
        publishFirstRevision();

        assertEquals(PUBLISHED, en.getState());
        assertSame(en.getCurrent(), en.getLive().orElseThrow());
        assertTrue(events.get(2).rule().changesWhatReadersSee());
        assertEquals(List.of("submit r1 DRAFT>IN_REVIEW author", "approve r1 IN_REVIEW>APPROVED reviewer",
                "publish r1 APPROVED>PUBLISHED editor"), audit);
    }

    @Test
    void aPublicationAtALaterTimeIsScheduledAndChangesNothingYet() {
        take(WorkflowAction.SUBMIT, AUTHOR);
        take(approve(CONFIRMED), REVIEWER);
        Instant later = AT.plusSeconds(3600);

        var outcome = take(new TransitionCommand(WorkflowAction.PUBLISH, null, later, null, null), EDITOR);

        assertEquals(APPROVED, en.getState());
        assertTrue(en.getLive().isEmpty());
        assertEquals(later, outcome.scheduled().getPublishAt());
        assertTrue(persisted.contains(outcome.scheduled()));
        assertEquals("schedule r1 APPROVED>APPROVED editor: to publish at " + later, audit.get(2));
        assertEquals(2, events.size());
    }

    @Test
    void unpublishingTakesTheLiveRevisionDownAndCancelsWhatWasScheduled() {
        publishFirstRevision();

        take(WorkflowAction.UNPUBLISH, EDITOR);

        assertEquals(DRAFT, en.getState());
        assertTrue(en.getLive().isEmpty());
        assertTrue(events.get(3).rule().changesWhatReadersSee());
        var refused = assertThrows(BusinessException.Conflict.class, () -> take(WorkflowAction.UNPUBLISH, EDITOR));
        assertEquals("nothing-published", refused.type());
    }

    @Test
    void aNewerDraftKeepsItsPlaceWhenTheLiveRevisionIsUnpublished() {
        publishFirstRevision();
        save("author");
        take(WorkflowAction.SUBMIT, AUTHOR);
        take(approve(CONFIRMED), REVIEWER);
        ScheduledPublication scheduled = take(new TransitionCommand(WorkflowAction.PUBLISH, null, AT.plusSeconds(60),
                null, null), EDITOR).scheduled();

        take(WorkflowAction.UNPUBLISH, EDITOR);

        assertEquals(APPROVED, en.getState());
        assertTrue(en.getLive().isEmpty());
        assertEquals(2, en.getCurrent().getNumber());
        assertEquals(AT, scheduled.getCancelledAt());
    }

    @Test
    void archivingTakesItOfflineForGood() {
        publishFirstRevision();

        take(WorkflowAction.ARCHIVE, EDITOR);

        assertEquals(ARCHIVED, en.getState());
        assertTrue(en.getLive().isEmpty());
        for (WorkflowAction action : WorkflowAction.values()) {
            if (action != WorkflowAction.RESTORE) {
                assertThrows(BusinessException.class, () -> take(action, ADMIN), action.key());
            }
        }
    }

    @Test
    void aRestoredArticleIsADraftAgainAndReadersStillSeeNothing() {
        publishFirstRevision();
        take(WorkflowAction.ARCHIVE, EDITOR);
        assertThrows(BusinessException.Forbidden.class, () -> take(WorkflowAction.RESTORE, AUTHOR));

        take(WorkflowAction.RESTORE, EDITOR);

        assertEquals(DRAFT, en.getState());
        assertTrue(en.getLive().isEmpty());
        assertEquals("restore r1 ARCHIVED>DRAFT editor", audit.get(audit.size() - 1));
        var refused = assertThrows(BusinessException.Conflict.class, () -> take(WorkflowAction.RESTORE, EDITOR));
        assertEquals("transition-not-allowed", refused.type());
    }

    @Test
    void aScheduleMovesToTheTimeAskedForLastAndWhoeverPublishesMayCallItOff() {
        take(WorkflowAction.SUBMIT, AUTHOR);
        take(approve(CONFIRMED), REVIEWER);
        ScheduledPublication first = take(new TransitionCommand(WorkflowAction.PUBLISH, null, AT.plusSeconds(3600),
                null, null), EDITOR).scheduled();

        ScheduledPublication moved = take(new TransitionCommand(WorkflowAction.PUBLISH, null, AT.plusSeconds(7200),
                null, null), EDITOR).scheduled();

        assertEquals(AT, first.getCancelledAt());
        assertEquals(null, moved.getCancelledAt());
        assertSame(moved, transitions.pendingSchedule(en).orElseThrow());
        assertThrows(BusinessException.Forbidden.class, () -> transitions.cancelSchedule(article.getId(), "en", AUTHOR));
        assertThrows(BusinessException.Forbidden.class, () -> transitions.cancelSchedule(article.getId(), "en", REVIEWER));
        assertEquals(null, moved.getCancelledAt());

        transitions.cancelSchedule(article.getId(), "en", EDITOR);

        assertEquals(AT, moved.getCancelledAt());
        assertEquals(APPROVED, en.getState());
        assertTrue(en.getLive().isEmpty());
        assertEquals("unschedule r1 APPROVED>APPROVED editor: to publish at " + AT.plusSeconds(7200),
                audit.get(audit.size() - 1));
        var refused = assertThrows(BusinessException.Conflict.class,
                () -> transitions.cancelSchedule(article.getId(), "en", ADMIN));
        assertEquals("nothing-scheduled", refused.type());
    }

    @Test
    void aReapprovalSignsOffTheLiveRevisionAndLeavesTheNewerDraftWhereItIs() {
        publishFirstRevision();
        Revision live = en.getLive().orElseThrow();
        save("reviewer");

        // the reviewer wrote the newer draft, not the live revision: four eyes do not stop them
        take(new TransitionCommand(WorkflowAction.REAPPROVE, null, null, CONFIRMED, null), REVIEWER);

        assertEquals(DRAFT, en.getState());
        MedicalReview review = reviews().get(1);
        assertEquals(ReviewDecision.REAPPROVED, review.getDecision());
        assertSame(live, review.getRevision());
        assertTrue(events.get(3).rule().changesWhatReadersSee());
        assertEquals(List.of("save r2 PUBLISHED>DRAFT reviewer: note 2", "reapprove r1 DRAFT>DRAFT reviewer"),
                audit.subList(3, 5));
        assertThrows(BusinessException.Forbidden.class,
                () -> take(new TransitionCommand(WorkflowAction.REAPPROVE, null, null, CONFIRMED, null),
                        new Actor("author", Set.of(Role.MEDICAL_REVIEWER))));
    }

    @Test
    void aWithdrawnTranslationGoesOfflineAndReadersPagesAreDropped() {
        publishFirstRevision();

        transitions.withdraw(article.getId(), "en", "editor", "source changed");

        assertEquals(DRAFT, en.getState());
        assertTrue(en.getLive().isEmpty());
        WorkflowTransitioned step = events.get(3);
        assertEquals(WorkflowAction.WITHDRAW, step.action());
        assertTrue(step.rule().changesWhatReadersSee());
        assertEquals("withdraw r1 PUBLISHED>DRAFT editor: source changed", audit.get(3));
        // nothing live: nothing to withdraw
        transitions.withdraw(article.getId(), "en", "editor", "again");
        assertEquals(4, events.size());
    }

    @SuppressWarnings("unchecked")
    private Event<WorkflowTransitioned> events() {
        return (Event<WorkflowTransitioned>) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Event.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("fire")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    events.add((WorkflowTransitioned) args[0]);
                    return null;
                });
    }

    /** The two kinds of query Transitions runs, answered from the lists. */
    private Stream<?> answer(String jpql, Map<String, Object> parameters) {
        if (jpql.startsWith("select distinct r.author from Revision r")) {
            return REVISIONS.stream()
                    .filter(r -> r.getVariant() == parameters.get("variant"))
                    .filter(r -> r.getNumber() <= (int) parameters.get("number") && r.getNumber() > (int) parameters.get("after"))
                    .map(Revision::getAuthor)
                    .distinct();
        }
        if (jpql.startsWith("select s from ScheduledPublication s where s.variant = :variant and s.doneAt is null")) {
            return persisted.stream()
                    .filter(ScheduledPublication.class::isInstance)
                    .map(ScheduledPublication.class::cast)
                    .filter(s -> s.getVariant() == parameters.get("variant") && s.getDoneAt() == null
                            && s.getCancelledAt() == null);
        }
        throw new UnsupportedOperationException(jpql);
    }
}
