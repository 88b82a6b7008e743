package io.siteplanner;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The package layering of the design card, enforced. */
@AnalyzeClasses(packages = "io.siteplanner", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true)
            .layer("model").definedBy("io.siteplanner.model..")
            .layer("gis").definedBy("io.siteplanner.gis..")
            .layer("scoring").definedBy("io.siteplanner.scoring..")
            .layer("project").definedBy("io.siteplanner.project..")
            .layer("store").definedBy("io.siteplanner.store..")
            .layer("render").definedBy("io.siteplanner.render..")
            .layer("export").definedBy("io.siteplanner.export..")
            .layer("ui").definedBy("io.siteplanner.ui..")
            .layer("cli").definedBy("io.siteplanner.cli..")
            .layer("app").definedBy("io.siteplanner.app..")
            .whereLayer("app").mayNotBeAccessedByAnyLayer()
            .whereLayer("ui").mayOnlyBeAccessedByLayers("app")
            .whereLayer("cli").mayOnlyBeAccessedByLayers("app")
            .whereLayer("export").mayOnlyBeAccessedByLayers("ui", "cli", "app")
            .whereLayer("render").mayOnlyBeAccessedByLayers("export", "ui", "cli", "app")
            .whereLayer("store").mayOnlyBeAccessedByLayers("export", "ui", "cli", "app")
            .whereLayer("project").mayOnlyBeAccessedByLayers("render", "store", "export", "ui", "cli", "app")
            .whereLayer("scoring").mayOnlyBeAccessedByLayers("project", "render", "store", "export", "ui", "cli", "app")
            .whereLayer("gis").mayOnlyBeAccessedByLayers("scoring", "project", "render", "store", "export", "ui", "cli", "app")
            .because("dependencies flow one way: model <- gis <- scoring <- project <- render, store, export <- ui, cli <- app");

    @ArchTest
    static final ArchRule engineIsHeadless = noClasses().that().resideOutsideOfPackages("io.siteplanner.ui..",
            "io.siteplanner.app..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
            .because("the engine, store, export and CLI run headless");

    @ArchTest
    static final ArchRule scoringDoesNotReadFiles = noClasses().that().resideInAPackage("io.siteplanner.scoring..")
            .should().dependOnClassesThat().resideInAnyPackage("io.siteplanner.gis.shapefile..",
                    "io.siteplanner.gis.gpkg..", "io.siteplanner.gis.geojson..", "io.siteplanner.gis.kml..",
                    "io.siteplanner.gis.csv..", "io.siteplanner.gis.geotiff..", "io.siteplanner.gis.topojson..")
            .because("scoring reads layers through the format registry, not a format directly")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule uiDoesNoFileFormats = noClasses().that().resideInAPackage("io.siteplanner.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("io.siteplanner.gis.shapefile..",
                    "io.siteplanner.gis.gpkg..", "io.siteplanner.gis.geojson..", "io.siteplanner.gis.kml..",
                    "io.siteplanner.gis.csv..", "io.siteplanner.gis.geotiff..", "io.siteplanner.gis.topojson..", "java.sql..",
                    "com.fasterxml.jackson..", "org.apache.pdfbox..")
            .because("the UI never does file formats itself");

    @ArchTest
    static final ArchRule stdoutOnlyInCli = noClasses().that().resideOutsideOfPackages("io.siteplanner.cli..",
            "io.siteplanner.app..")
            .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
            .because("only the command line writes to the console; the rest reports through return values");
}
