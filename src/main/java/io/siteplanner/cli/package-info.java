/**
 * The command line ({@code siteplanner info|score|weights|render|export|bench}), picocli commands over the
 * same services the desktop app uses. The only package that writes to standard out/err.
 */
package io.siteplanner.cli;
