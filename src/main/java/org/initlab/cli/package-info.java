/**
 * The command line ({@link org.initlab.cli.Main}, with picocli): {@code run}, {@code list},
 * {@code show}, {@code export}, {@code report} and {@code data}, each a class; progress display,
 * the dry run and CSV export. Commands parse options, call the layers below and print; a
 * {@link org.initlab.UserError} becomes one line and exit code 2.
 *
 * <p>The top layer: may import every other package; none imports it. The only user of picocli.
 */
package org.initlab.cli;
