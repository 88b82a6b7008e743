package io.siteplanner.cli;

import picocli.CommandLine.Option;

/** {@code --width}/{@code --height} of a map image, shared by the commands that draw maps (picocli mixin). */
final class ImageSize {
    @Option(names = "--width", defaultValue = "1600", description = "Image width in pixels (default ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", defaultValue = "1000", description = "Image height in pixels (default ${DEFAULT-VALUE}).")
    int height;

    /** @throws UsageException outside 16..20000 pixels */
    void check() {
        if (width < 16 || height < 16 || width > 20000 || height > 20000) {
            throw new UsageException("--width/--height must be between 16 and 20000 pixels");
        }
    }
}
