package io.siteplanner.ui;

import java.nio.file.Paths;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Points the maps folder ({@code siteplanner.maps}) back at the real {@code maps/} after each test of a class
 * that opens the parcels fixture as its demo ({@link ParcelsFixtureMaps}), so that later tests in the same JVM
 * find the real demo.
 */
final class RealMapsAfterEach implements AfterEachCallback {
    @Override
    public void afterEach(ExtensionContext context) {
        System.setProperty("siteplanner.maps", Paths.get("maps").toAbsolutePath().toString());
    }
}
