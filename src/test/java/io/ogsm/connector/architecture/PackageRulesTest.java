package io.ogsm.connector.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The direction of imports (README, Architecture): sources and delivery meet in the pipeline contract, dead letters
 * and the operator page sit above delivery, and the infrastructure packages (http, kafka, files, store, config) import
 * nothing above them. Each rule fails naming the class and the import that breaks it.
 */
class PackageRulesTest {

    private static final String BASE = "io.ogsm.connector";
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(BASE);
    }

    private static String pkg(String name) {
        return BASE + "." + name + "..";
    }

    private static void check(ArchRule rule) {
        rule.check(classes);
    }

    @Test
    void deliveryImportsNoSourceNorDeadLetters() {
        check(noClasses().that().resideInAPackage(pkg("delivery")).should().dependOnClassesThat()
                .resideInAnyPackage(pkg("source"), pkg("deadletter"), pkg("ops"), pkg("status"), pkg("sandbox")));
    }

    @Test
    void sourcesMeetDeliveryOnlyInThePipelineContract() {
        check(noClasses().that().resideInAPackage(pkg("source")).should().dependOnClassesThat()
                .resideInAnyPackage(pkg("delivery"), pkg("deadletter"), pkg("ops"), pkg("status"), pkg("sandbox")));
    }

    @Test
    void noSourceImportsAnother() {
        check(slices().matching(BASE + ".source.(*)..").should().notDependOnEachOther());
    }

    @Test
    void deadLettersImportNoSource() {
        check(noClasses().that().resideInAPackage(pkg("deadletter")).should().dependOnClassesThat()
                .resideInAnyPackage(pkg("source"), pkg("ops"), pkg("status"), pkg("sandbox")));
    }

    @Test
    void thePipelineContractImportsNothingAboveIt() {
        check(noClasses().that().resideInAPackage(pkg("pipeline")).should().dependOnClassesThat()
                .resideInAnyPackage(pkg("delivery"), pkg("deadletter"), pkg("source"), pkg("ops"), pkg("status"),
                        pkg("sandbox")));
    }

    @Test
    void theApiModelAndMeasurementsImportNoStage() {
        check(noClasses().that().resideInAnyPackage(pkg("ogsm"), pkg("measurement")).should().dependOnClassesThat()
                .resideInAnyPackage(pkg("pipeline"), pkg("delivery"), pkg("deadletter"), pkg("source"), pkg("ops"),
                        pkg("status"), pkg("sandbox")));
    }

    @Test
    void statusAndSandboxStandApart() {
        check(noClasses().that().resideInAnyPackage(pkg("status"), pkg("sandbox")).should().dependOnClassesThat()
                .resideInAnyPackage(pkg("delivery"), pkg("deadletter"), pkg("source"), pkg("ops"), pkg("pipeline")));
        check(noClasses().that().resideInAPackage(pkg("status")).should().dependOnClassesThat()
                .resideInAPackage(pkg("sandbox")));
    }

    @Test
    void infrastructureImportsOnlyConfiguration() {
        check(noClasses().that().resideInAnyPackage(pkg("http"), pkg("kafka"), pkg("files"), pkg("store"))
                .should().dependOnClassesThat().resideInAnyPackage(pkg("ogsm"), pkg("measurement"), pkg("pipeline"),
                        pkg("delivery"), pkg("deadletter"), pkg("source"), pkg("ops"), pkg("status"),
                        pkg("sandbox")));
    }

    @Test
    void configurationImportsNoneOfOurs() {
        check(noClasses().that().resideInAPackage(pkg("config")).should().dependOnClassesThat()
                .resideInAnyPackage(pkg("ogsm"), pkg("measurement"), pkg("pipeline"), pkg("delivery"),
                        pkg("deadletter"), pkg("source"), pkg("ops"), pkg("status"), pkg("sandbox"), pkg("http"),
                        pkg("kafka"), pkg("files"), pkg("store")));
    }

    @Test
    void packagesFormNoCycle() {
        check(slices().matching(BASE + ".(*)..").should().beFreeOfCycles());
    }
}
