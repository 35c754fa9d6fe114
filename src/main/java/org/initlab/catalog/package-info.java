/**
 * Names and parameters of the things a spec names. {@link org.initlab.catalog.Catalogue} is the one
 * name → thing table (canonical names, aliases, presets, a factory from
 * {@link org.initlab.catalog.Params}, the lines of {@code initlab list}); every spelling matches
 * by the one {@link org.initlab.catalog.Spelling} rule; {@link org.initlab.catalog.NearestName}
 * suggests the name meant; {@link org.initlab.catalog.Component} is a canonical name with every
 * parameter resolved, as run specs hold it. The bottom layer: imports only {@code org.initlab.UserError}.
 */
package org.initlab.catalog;
