package org.medpub.cms.platform.control;

import java.time.Instant;

/**
 * An account was locked after too many failed sign-ins in a row; fired (as a CDI event) in the
 * transaction that locked it, so that whoever tells the account's owner does so exactly when the
 * lock is on record. The sign-in form never says so: it answers a locked account as it answers a
 * wrong password or an unknown name.
 */
public record AccountLocked(String username, int failedSignIns, Instant lockedAt, Instant lockedUntil) {
}
