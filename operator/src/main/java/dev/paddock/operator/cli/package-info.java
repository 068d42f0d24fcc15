/** The {@code paddock} command line: run a study locally, list local studies and trials, serve. */
package dev.paddock.operator.cli;
