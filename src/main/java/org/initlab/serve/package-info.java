/**
 * The live view of a study ({@code initlab serve}, {@code initlab run --serve}): a read-only web
 * server over a study folder. {@link org.initlab.serve.LiveServer} serves the page, JSON and
 * Server-Sent Events; {@code FolderReader} reads the folder (manifest, results, the progress files
 * of runs in training: {@link org.initlab.study.ProgressFiles}) as it changes; {@code FolderWatch}
 * notices changes; {@code EventStream} pushes them; {@code StudyFiles} decides which of the
 * folder's files may be served.
 *
 * <p>Imports: {@code org.initlab.study} (the folder's layout and records), {@code org.initlab.train}
 * (epoch records), {@code org.initlab.io} (JSON), {@link org.initlab.UserError}, and Jetty. Only
 * {@code cli} imports this package; it never writes to the folder.
 */
package org.initlab.serve;
