package org.medpub.cms.admin.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.medpub.cms.admin.control.ArticleList;
import org.medpub.cms.article.control.ArticleStore;
import org.medpub.cms.article.control.EditLocks;
import org.medpub.cms.article.entity.TranslationStatus;
import org.medpub.cms.article.entity.WorkflowState;
import org.medpub.cms.platform.boundary.Caller;
import org.medpub.cms.platform.control.BusinessException;
import org.medpub.cms.platform.control.EditorialPermissions;
import org.medpub.cms.platform.control.EnabledLocales;
import org.medpub.cms.platform.control.LanguageNames;
import org.medpub.cms.platform.control.UserDirectory;
import org.medpub.cms.platform.entity.Role;
import org.medpub.cms.platform.entity.UserAccount;
import org.medpub.cms.translation.control.TranslationStates;
import org.medpub.cms.workflow.control.EditorialWorkflow;
import org.medpub.cms.workflow.control.TransitionCommand;
import org.medpub.cms.workflow.control.Transitions;
import org.medpub.cms.workflow.control.WorkflowAction;

/**
 * The articles list ({@code /admin/articles.xhtml}): every article, found by words and filters
 * that live in the URL (view parameters, filled by a GET form), so that a view can be bookmarked
 * and shared, a page at a time by cursor. Whoever the workflow lets publish or assign reviewers
 * does so for several locale variants at once, each with its own result line.
 */
@Named
@RequestScoped
public class ArticlesPage {

    static final int PAGE_SIZE = 50;
    private static final String PICK = "pick";

    /**
     * A locale of a listed article: its state (or {@code missing}), who is editing it since when
     * (or null), to select it, {@code pick}, and the alt texts and captions its images lack in it.
     */
    public record Badge(String locale, String language, String state, String stateWord, String translationWord,
            String editing, String pick, List<MissingImageText> imageTexts) {
    }

    /** What became of one selected variant in a bulk action. */
    public record Result(String item, boolean done, String text) {
    }

    /** An option of a filter's select. */
    public record Choice(String value, String label) {
    }

    @Inject
    ArticleList list;

    @Inject
    ArticleStore articles;

    @Inject
    Transitions transitions;

    @Inject
    EditLocks editLocks;

    @Inject
    TranslationStates translationStates;

    @Inject
    Caller caller;

    @Inject
    EnabledLocales locales;

    @Inject
    UserDirectory users;

    @Inject
    UiLanguage language;

    @Inject
    Words words;

    private String q;
    private String state;
    private String locale;
    private String status;
    private String topic;
    private String author;
    private String reviewer;
    private boolean due;
    private boolean mine;
    private String sort;
    private String after;
    private String assignTo;

    private final Map<String, String> errors = new HashMap<>();
    private final List<Result> results = new ArrayList<>();
    private ArticleList.Page page;
    private List<UserAccount> accounts;
    private final Map<String, String> shownWords = new HashMap<>();
    private List<Choice> assignable;
    private Boolean bulk;
    private Map<String, EditLocks.Editing> editing;
    private Map<String, List<String>> lackingTexts;

    /** The page of articles the URL asks for; a filter value it does not know is named next to its field, and not applied. */
    public ArticleList.Page getPage() {
        if (page == null) {
            var filter = new ArticleList.Filter(blankToNull(q), known("state", state, this::workflowState),
                    known("locale", locale, locales::find), known("status", status, this::translationStatus),
                    blankToNull(topic), known("author", author, this::user),
                    mine ? caller.name() : known("reviewer", reviewer, this::user), due);
            ArticleList.Order order = Optional.ofNullable(known("sort", sort, ArticleList.Order::ofKey)).orElse(ArticleList.Order.CHANGED);
            try {
                try {
                    page = list.page(filter, order, after, PAGE_SIZE);
                } catch (BusinessException.InvalidInput notAPage) {
                    errors.put("after", words.text("list.cursor"));
                    page = list.page(filter, order, null, PAGE_SIZE);
                }
            } catch (ArticleList.TooSlow stopped) {
                errors.put("list", words.text("list.tooSlow"));
                page = new ArticleList.Page(List.of(), null);
            }
        }
        return page;
    }

    public List<ArticleList.Row> getRows() {
        return getPage().rows();
    }

    /** The title in the UI language where the article has that locale, else in its source locale. */
    public String title(ArticleList.Row row) {
        return row.title(shownLocale(row));
    }

    /** The locale whose title is shown, and which the title's link opens. */
    public String shownLocale(ArticleList.Row row) {
        return row.variant(language.getTag()).isPresent() ? language.getTag() : row.sourceLocale();
    }

    /** The live revision of the shown locale, as {@code r3}, or empty. */
    public String live(ArticleList.Row row) {
        return row.variant(shownLocale(row)).map(ArticleList.Variant::live).map(n -> "r" + n).orElse("");
    }

    /** Each enabled locale (and any other the article has) with its state, or as missing. */
    public List<Badge> badges(ArticleList.Row row) {
        List<Badge> badges = new ArrayList<>();
        for (String tag : locales.all()) {
            Optional<ArticleList.Variant> variant = row.variant(tag);
            if (variant.isEmpty()) {
                badges.add(new Badge(tag, localeName(tag), "MISSING", word("TranslationStatus.MISSING"), null, null, null,
                        List.of()));
            }
            variant.ifPresent(v -> badges.add(badge(row, v)));
        }
        row.variants().stream().filter(v -> !locales.all().contains(v.locale())).forEach(v -> badges.add(badge(row, v)));
        return badges;
    }

    private Badge badge(ArticleList.Row row, ArticleList.Variant variant) {
        TranslationStatus translation = variant.translation();
        List<MissingImageText> imageTexts = lackingTexts().getOrDefault(row.id() + "/" + variant.locale(), List.of())
                .stream().map(MissingImageText::of).toList();
        // a translation that lacks its images' texts is missing work, as GET /api/translations has it
        String translationWord = translation == TranslationStatus.OUTDATED || translation == TranslationStatus.SOURCE
                ? word("TranslationStatus." + translation.name())
                : translation == TranslationStatus.CURRENT && !imageTexts.isEmpty() ? word("TranslationStatus.MISSING") : null;
        EditLocks.Editing editor = editing().get(row.id() + "/" + variant.locale());
        return new Badge(variant.locale(), localeName(variant.locale()), variant.state().name(),
                word("WorkflowState." + variant.state().name()), translationWord,
                editor == null ? null : words.with2("list.editing", "name", editor.displayName(), "time", editor.since()),
                row.id() + "/" + variant.locale() + "/" + variant.revision(), imageTexts);
    }

    /** The texts the images of the page's translations lack, read for the whole page at once. */
    private Map<String, List<String>> lackingTexts() {
        if (lackingTexts == null) {
            lackingTexts = translationStates.lackingTexts(getRows().stream().map(ArticleList.Row::id).toList());
        }
        return lackingTexts;
    }

    /** Who is editing which locale of the page's articles, read for the whole page at once. */
    private Map<String, EditLocks.Editing> editing() {
        if (editing == null) {
            editing = new HashMap<>();
            editLocks.current(getRows().stream().map(ArticleList.Row::id).toList())
                    .forEach(held -> editing.put(held.articleId() + "/" + held.locale(), held));
        }
        return editing;
    }

    public String reviewers(ArticleList.Row row) {
        return String.join(", ", row.reviewers());
    }

    public String time(Instant at) {
        return words.time(at);
    }

    /** A locale's name in the UI language, by ICU (English, Español, العربية …). */
    public String localeName(String tag) {
        return LanguageNames.inList(tag, language.getLocale());
    }

    /**
     * A word of the bundles, once per request: a page of 50 articles shows some 250 badges, and
     * each {@code words.text} compiles its message again.
     */
    private String word(String key) {
        return shownWords.computeIfAbsent(key, words::text);
    }

    // ---- the filter form's choices -----------------------------------------------------------------

    public List<Choice> getStateChoices() {
        return Arrays.stream(WorkflowState.values())
                .map(s -> new Choice(s.key(), words.text("WorkflowState." + s.name())))
                .toList();
    }

    public List<Choice> getLocaleChoices() {
        return locales.all().stream().map(tag -> new Choice(tag, localeName(tag))).toList();
    }

    public List<Choice> getStatusChoices() {
        return List.of(TranslationStatus.MISSING, TranslationStatus.IN_PROGRESS, TranslationStatus.CURRENT,
                        TranslationStatus.OUTDATED).stream()
                .map(s -> new Choice(s.key(), words.text("TranslationStatus." + s.name())))
                .toList();
    }

    public List<Choice> getAuthorChoices() {
        return accounts().stream().map(u -> new Choice(u.getUsername(), u.getDisplayName())).toList();
    }

    public List<Choice> getReviewerChoices() {
        return accounts().stream().filter(u -> u.getRoles().contains(Role.MEDICAL_REVIEWER))
                .map(u -> new Choice(u.getUsername(), u.getDisplayName()))
                .toList();
    }

    public List<Choice> getSortChoices() {
        return Arrays.stream(ArticleList.Order.values())
                .map(o -> new Choice(o.key(), words.text("list.sort." + o.key())))
                .toList();
    }

    /** The message for a field whose value was not understood, or null. */
    public String error(String field) {
        getPage();
        return errors.get(field);
    }

    // ---- links: the same view, another page ------------------------------------------------------

    /** This view from its first page, or null when this is the first page. */
    public String getFirstUrl() {
        return after == null || after.isBlank() ? null : url(null);
    }

    /** The next page of this view, or null on the last. */
    public String getNextUrl() {
        return getPage().next() == null ? null : url(getPage().next());
    }

    private String url(String cursor) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("q", q);
        parameters.put("state", state);
        parameters.put("locale", locale);
        parameters.put("status", status);
        parameters.put("topic", topic);
        parameters.put("author", author);
        parameters.put("reviewer", reviewer);
        parameters.put("due", due ? "true" : null);
        parameters.put("mine", mine ? "true" : null);
        parameters.put("sort", sort);
        parameters.put("after", cursor);
        String query = parameters.entrySet().stream()
                .filter(e -> e.getValue() != null && !e.getValue().isBlank())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String path = FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + "/admin/articles.xhtml";
        return query.isEmpty() ? path : path + "?" + query;
    }

    // ---- bulk actions ------------------------------------------------------------------------------

    /** Whether the workflow lets the user publish. */
    public boolean isMayPublish() {
        return EditorialWorkflow.mayTake(caller.actor(), WorkflowAction.PUBLISH);
    }

    /** The reviewers the user may assign reviews to (an editor anyone, a reviewer themselves). */
    public List<Choice> getAssignable() {
        if (assignable == null) {
            assignable = getReviewerChoices().stream()
                    .filter(c -> EditorialPermissions.mayAssign(caller.actor(), c.value()))
                    .toList();
        }
        return assignable;
    }

    /** Whether any bulk action is the user's, and so the locale badges can be selected (asked for every badge). */
    public boolean isBulk() {
        if (bulk == null) {
            bulk = isMayPublish() || !getAssignable().isEmpty();
        }
        return bulk;
    }

    /** Publishes each selected variant now; the workflow refuses any that is not approved. */
    public void publish() {
        forEachPicked((id, locale, revision) -> {
            var outcome = transitions.perform(id, locale,
                    new TransitionCommand(WorkflowAction.PUBLISH, null, null, null, revision), caller.actor());
            return words.text("WorkflowState." + outcome.variant().getState().name());
        });
    }

    /** Assigns the chosen reviewer to each selected variant. */
    public void assign() {
        if (assignTo == null || assignTo.isBlank()) {
            errors.put("assignTo", words.text("list.bulk.chooseReviewer"));
            return;
        }
        forEachPicked((id, locale, revision) -> {
            transitions.assign(id, locale, assignTo, caller.actor());
            return words.with("list.bulk.assigned", "reviewer", assignTo);
        });
    }

    private interface Step {
        String take(long article, String locale, Integer revision);
    }

    /**
     * Takes the step for each selected variant in a transaction of its own, noting what became of
     * it; the page is read again afterwards, as the step left it.
     */
    private void forEachPicked(Step step) {
        page = null;
        String[] picked = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterValuesMap().get(PICK);
        if (picked == null || picked.length == 0) {
            errors.put(PICK, words.text("list.bulk.nothing"));
            return;
        }
        for (String pick : picked) {
            String[] parts = pick.split("/", 3);
            if (parts.length != 3 || !parts[0].matches("\\d{1,18}") || !parts[2].matches("\\d{1,9}")) {
                results.add(new Result(pick, false, words.with("list.bulk.refused", "reason",
                        words.text("problem.invalid-input.title"))));
                continue;
            }
            long id = Long.parseLong(parts[0]);
            String item = words.with2("list.bulk.item", "title", titleOf(id, parts[1]), "language", localeName(parts[1]));
            try {
                results.add(new Result(item, true, step.take(id, parts[1], Integer.valueOf(parts[2]))));
            } catch (BusinessException refused) {
                results.add(new Result(item, false, words.with("list.bulk.refused", "reason",
                        words.textOr("problem." + refused.type() + ".title", refused.type()))));
            }
        }
    }

    private String titleOf(long id, String locale) {
        return articles.variant(id, locale).map(v -> v.getCurrent().getTitle()).orElse("#" + id);
    }

    public List<Result> getResults() {
        return results;
    }

    // ---- reading the URL ---------------------------------------------------------------------------

    private <T> T known(String field, String value, Function<String, Optional<T>> reading) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Optional<T> read = reading.apply(value);
        if (read.isEmpty()) {
            errors.put(field, words.with("list.unknown", "value", value));
        }
        return read.orElse(null);
    }

    private Optional<WorkflowState> workflowState(String key) {
        return Arrays.stream(WorkflowState.values()).filter(s -> s.key().equals(key)).findFirst();
    }

    private Optional<TranslationStatus> translationStatus(String key) {
        return Arrays.stream(TranslationStatus.values()).filter(s -> s.key().equals(key)).findFirst();
    }

    private Optional<String> user(String name) {
        return accounts().stream().map(UserAccount::getUsername).filter(name::equals).findFirst();
    }

    private List<UserAccount> accounts() {
        if (accounts == null) {
            accounts = users.all();
        }
        return accounts;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    // ---- view parameters ---------------------------------------------------------------------------

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public String getLocale() {
        return locale;
    }

    public void setLocale(String locale) {
        this.locale = locale;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }

    public String getAuthor() {
        return author;
    }

    public void setAuthor(String author) {
        this.author = author;
    }

    public String getReviewer() {
        return reviewer;
    }

    public void setReviewer(String reviewer) {
        this.reviewer = reviewer;
    }

    public boolean isDue() {
        return due;
    }

    public void setDue(boolean due) {
        this.due = due;
    }

    public boolean isMine() {
        return mine;
    }

    public void setMine(boolean mine) {
        this.mine = mine;
    }

    public String getSort() {
        return sort;
    }

    public void setSort(String sort) {
        this.sort = sort;
    }

    public String getAfter() {
        return after;
    }

    public void setAfter(String after) {
        this.after = after;
    }

    public String getAssignTo() {
        return assignTo;
    }

    public void setAssignTo(String assignTo) {
        this.assignTo = assignTo;
    }
}
