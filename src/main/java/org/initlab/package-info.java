/**
 * initlab: a workbench for studying how weight initialization shapes the training of MLPs. A
 * study spec becomes a grid of runs, each run is trained and observed by probes, the results go
 * to a study folder, and the report reads them (see {@code docs/architecture.md}).
 *
 * <p>This package itself holds only what every layer may use: {@link org.initlab.UserError} (a
 * one-line message for bad input, exit code 2) and {@link org.initlab.Version}. It is the bottom
 * layer and imports nothing of initlab; {@code LayeringTest} checks the layering of every package.
 */
package org.initlab;
