/**
 * Reading a study spec file: YAML text to a tree ({@link org.initlab.study.spec.SpecText}), typed
 * values and one-line errors that name the path in the file ({@link org.initlab.study.spec.SpecNodes}),
 * and a component as written ({@link org.initlab.study.spec.Named}). Knows nothing of factors or
 * studies. May import Jackson, {@code org.initlab.UserError}, {@code org.initlab.catalog} and {@code org.initlab.io}.
 */
package org.initlab.study.spec;
