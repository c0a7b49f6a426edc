package com.invoicedelivery.kit.testing;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noCodeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.security.MessageDigest;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

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
                .because("the domain must not depend on frameworks (docs/ARCHITECTURE.md: domain is plain Java)");
    }

    /** The domain does not reach out to the layers around it. */
    public static ArchRule domainDoesNotDependOnOuterLayers() {
        return noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "..application..", "..web..", "..messaging..", "..persistence..")
                .because("dependencies point inwards, towards the domain");
    }

    /**
     * The domain refuses in its own terms (a rule violated, a state conflict, an unknown reference); the web layer
     * turns those into HTTP problems. So no domain class uses the kit's problem exceptions, Spring's web or HTTP
     * types, or the servlet API.
     */
    public static ArchRule domainSpeaksTheDomain() {
        return noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "com.invoicedelivery.kit.problem..", "org.springframework.web..", "org.springframework.http..",
                        "jakarta.servlet..")
                .because("domain exceptions speak the domain; the web layer maps them to problems (ARCHITECTURE.md)");
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

    /**
     * Configuration comes in typed {@code @ConfigurationProperties} records, one per feature, never as
     * {@code @Value} strings with their defaults repeated at each use (ARCHITECTURE.md, Configuration).
     */
    public static ArchRule noValueInjectedFields() {
        return noFields().should().beAnnotatedWith(VALUE)
                .because("configuration is bound to typed @ConfigurationProperties records (ARCHITECTURE.md)");
    }

    /** The same for constructor and method parameters, {@code @Bean} methods included. */
    public static ArchRule noValueInjectedParameters() {
        return noCodeUnits().should(haveAParameterAnnotatedWith(VALUE))
                .because("configuration is bound to typed @ConfigurationProperties records (ARCHITECTURE.md)");
    }

    private static final String VALUE = "org.springframework.beans.factory.annotation.Value";

    private static ArchCondition<JavaCodeUnit> haveAParameterAnnotatedWith(String annotation) {
        return new ArchCondition<>("have a parameter annotated with @" + annotation) {
            @Override
            public void check(JavaCodeUnit codeUnit, ConditionEvents events) {
                codeUnit.getParameters().stream()
                        .filter(parameter -> parameter.isAnnotatedWith(annotation))
                        .forEach(parameter -> events.add(SimpleConditionEvent.satisfied(codeUnit,
                                codeUnit.getFullName() + " has @Value on " + parameter.getDescription())));
            }
        };
    }

    /**
     * One wiring style: beans are declared by {@code @Bean} methods in {@code @Configuration} classes, never by
     * stereotype annotations on the classes themselves. Controllers, controller advice and
     * {@code @ConfigurationProperties} records carry their own annotations and are not stereotypes in this sense.
     */
    public static ArchRule beansAreDeclaredInConfigurationClasses() {
        return noClasses().should().beAnnotatedWith("org.springframework.stereotype.Component")
                .orShould().beAnnotatedWith("org.springframework.stereotype.Service")
                .orShould().beAnnotatedWith("org.springframework.stereotype.Repository")
                .because("beans are declared by @Bean methods in @Configuration classes (ARCHITECTURE.md)");
    }

    /** {@code @Bean} methods live in {@code @Configuration} classes (or the application class, which is one). */
    public static ArchRule beanMethodsAreInConfigurationClasses() {
        return methods().that().areAnnotatedWith("org.springframework.context.annotation.Bean")
                .should().beDeclaredInClassesThat().areMetaAnnotatedWith(
                        "org.springframework.context.annotation.Configuration")
                .because("beans are declared by @Bean methods in @Configuration classes (ARCHITECTURE.md)");
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
