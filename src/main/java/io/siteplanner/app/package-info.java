/** Start-up wiring: chooses between the desktop app and the command line. */
package io.siteplanner.app;
