/** Layer styles as plain data (ARGB ints, no JavaFX/AWT types) so the store can save them and any renderer can draw them. */
package io.siteplanner.model.style;
