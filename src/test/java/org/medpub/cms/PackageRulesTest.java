package org.medpub.cms;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package rules of the README's layout, checked on the compiled classes so that a cycle or a
 * dependency against the chain fails the build instead of growing unseen: features depend along
 * platform ← article ← workflow ← {translation, notification, media} ← site ← {admin, archive} (articles show the
 * media library's images through ArticleImages, which media implements), and only the root
 * package (the JAX-RS application and the demo content) knows every feature.
 */
@AnalyzeClasses(packages = "org.medpub.cms", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageRulesTest {

    @ArchTest
    static final ArchRule noCyclesBetweenFeatures = slices()
            .matching("org.medpub.cms.(*)..")
            .namingSlices("feature $1")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noCyclesBetweenLayersOfFeatures = slices()
            .matching("org.medpub.cms.(*).(*)..")
            .namingSlices("$1/$2")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule entitiesKnowNoLogicAndNoBoundary = noClasses()
            .that().resideInAPackage("org.medpub.cms.*.entity..")
            .should().dependOnClassesThat().resideInAnyPackage("org.medpub.cms.*.control..", "org.medpub.cms.*.boundary..")
            .because("an entity is plain data: logic lives in control, HTTP and screens in boundary");

    @ArchTest
    static final ArchRule controlNeverImportsBoundary = noClasses()
            .that().resideInAPackage("org.medpub.cms.*.control..")
            .should().dependOnClassesThat().resideInAPackage("org.medpub.cms.*.boundary..")
            .because("logic must not depend on how it is reached (REST, Faces, servlets)");

    @ArchTest
    static final ArchRule featuresDependAlongTheChain = layeredArchitecture()
            .consideringOnlyDependenciesInAnyPackage("org.medpub.cms..")
            .layer("root").definedBy("org.medpub.cms")
            .layer("archive").definedBy("org.medpub.cms.archive..")
            .layer("admin").definedBy("org.medpub.cms.admin..")
            .layer("site").definedBy("org.medpub.cms.site..")
            .layer("translation").definedBy("org.medpub.cms.translation..")
            .layer("notification").definedBy("org.medpub.cms.notification..")
            .layer("media").definedBy("org.medpub.cms.media..")
            .layer("workflow").definedBy("org.medpub.cms.workflow..")
            .layer("article").definedBy("org.medpub.cms.article..")
            .layer("platform").definedBy("org.medpub.cms.platform..")
            .whereLayer("root").mayNotBeAccessedByAnyLayer()
            .whereLayer("archive").mayOnlyAccessLayers("site", "media", "platform")
            .whereLayer("admin").mayOnlyAccessLayers("site", "translation", "notification", "media", "workflow", "article", "platform")
            .whereLayer("site").mayOnlyAccessLayers("translation", "media", "workflow", "article", "platform")
            .whereLayer("translation").mayOnlyAccessLayers("workflow", "article", "platform")
            .whereLayer("notification").mayOnlyAccessLayers("workflow", "article", "platform")
            .whereLayer("media").mayOnlyAccessLayers("workflow", "article", "platform")
            .whereLayer("workflow").mayOnlyAccessLayers("article", "platform")
            .whereLayer("article").mayOnlyAccessLayers("platform")
            .whereLayer("platform").mayNotAccessAnyLayer();
}
