/** The JavaFX desktop app: views and view-models. Never reads or writes a file format itself. */
package io.siteplanner.ui;
