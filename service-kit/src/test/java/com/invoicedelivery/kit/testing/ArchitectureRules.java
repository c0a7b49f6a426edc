package com.invoicedelivery.kit.testing;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.security.MessageDigest;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layout rules every service keeps: packages by feature, then role
 * ({@code <service>.<feature>.{domain,application,web,messaging,persistence}}).
 */
public final class ArchitectureRules {

    private ArchitectureRules() {
    }

    public static JavaClasses importService(String basePackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
    }

    /** Domain classes are plain Java: no Spring, no persistence, no messaging, no web. */
    public static ArchRule domainIsPlainJava() {
        return noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "org.bson..", "com.mongodb..", "org.apache.kafka..",
                        "jakarta.servlet..", "jakarta.persistence..", "tools.jackson..", "com.fasterxml.jackson..")
                .because("the domain must not depend on frameworks (DEVELOPERS.md: domain classes don't import Spring)");
    }

    /** The domain does not reach out to the layers around it. */
    public static ArchRule domainDoesNotDependOnOuterLayers() {
        return noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "..application..", "..web..", "..messaging..", "..persistence..")
                .because("dependencies point inwards, towards the domain");
    }

    /** Web and messaging adapters go through the application layer, never straight to persistence. */
    public static ArchRule adaptersDoNotUsePersistence() {
        return noClasses().that().resideInAnyPackage("..web..", "..messaging..")
                .should().dependOnClassesThat().resideInAPackage("..persistence..")
                .because("adapters call application services, which own the persistence");
    }

    /** No cycles between the service's features. */
    public static ArchRule featuresAreFreeOfCycles(String basePackage) {
        return slices().matching(basePackage + ".(*)..").should().beFreeOfCycles();
    }

    /** A service never uses another service's code: they talk through events and REST only. */
    public static ArchRule doesNotUseOtherServices(String ownBasePackage, String... otherBasePackages) {
        String[] others = java.util.Arrays.stream(otherBasePackages).map(p -> p + "..").toArray(String[]::new);
        return noClasses().that().resideInAPackage(ownBasePackage + "..")
                .should().dependOnClassesThat().resideInAnyPackage(others);
    }

    /**
     * Events go out through the kit's outbox relay, in the same write as the state they announce
     * (ARCHITECTURE.md): no service code sends to Kafka itself.
     */
    public static ArchRule nothingPublishesAroundTheOutbox(String basePackage) {
        return noClasses().that().resideInAPackage(basePackage + "..")
                .should().dependOnClassesThat().haveFullyQualifiedName(
                        "org.springframework.cloud.stream.function.StreamBridge")
                .orShould().dependOnClassesThat().resideInAPackage("org.apache.kafka.clients.producer..");
    }

    /**
     * One digest class: hashes two services must agree on (a personal link's token hash) and the hex form events
     * carry are computed in the kit's {@code digest} package, never by a service's own copy.
     */
    public static ArchRule digestsComeFromTheKit() {
        return noClasses().that().resideOutsideOfPackage(DIGEST_PACKAGE)
                .should().callMethodWhere(target(name("getInstance"))
                        .and(target(owner(assignableTo(MessageDigest.class)))))
                .because("SHA-256 is computed in one place, com.invoicedelivery.kit.digest.Sha256");
    }

    /**
     * One exception for a record no retry can mend, the kit's {@code MalformedRecordException}, which every binding
     * treats as not retryable; a service's own copy would be retried unless the service remembered to register it.
     */
    public static ArchRule malformedRecordsAreTheKits() {
        return noClasses().that().haveSimpleNameContaining("Malformed").and().haveSimpleNameEndingWith("Exception")
                .should().resideOutsideOfPackage(MESSAGING_PACKAGE)
                .because("a malformed record is com.invoicedelivery.kit.messaging.MalformedRecordException,"
                        + " not retried by any binding")
                .allowEmptyShould(true);
    }

    private static final String MESSAGING_PACKAGE = "com.invoicedelivery.kit.messaging";
    private static final String DIGEST_PACKAGE = "com.invoicedelivery.kit.digest..";
}
