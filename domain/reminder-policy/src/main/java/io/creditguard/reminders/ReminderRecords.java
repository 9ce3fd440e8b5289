package io.creditguard.reminders;

import io.creditguard.digest.Sha256;

/**
 * The store's keys of the reminder records: the run writes one record a reminder it sends (a letter's line or an
 * insurer notification) at {@code reminders/<id>.json}; claims reads them back to find which letters a debt's
 * reminders went out in.
 *
 * <p>Here with the policy's keys rather than with the run, so claims reads the records without carrying the law,
 * the letters and their templates.
 */
public final class ReminderRecords {

    private ReminderRecords() {
    }

    /**
     * A stable id per invoice and level ({@code "1"}, {@code "2"}, … or {@code "insurer"}): the same decision on a
     * re-run has the same id, so its record is written once.
     */
    public static String id(String invoiceId, String level) {
        return "rem_" + Sha256.shortHex(invoiceId + '\u0000' + level);
    }

    /** The key of the record of reminder {@code reminderId}. */
    public static String key(String reminderId) {
        return "reminders/" + reminderId + ".json";
    }
}
