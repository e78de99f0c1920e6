package org.medpub.cms.platform.control;

/**
 * Fired when a public profile changed (its address, whether it is public, its texts in a locale):
 * every reader page that names people may show it, so they are rendered anew.
 */
public record ProfilesChanged(String username) {
}
