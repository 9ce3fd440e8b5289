package io.creditguard.reminders;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jboss.logging.Logger;

/**
 * What became of the day's overdue notifications to the credit insurer, for the run report: how many
 * the insurer's mail server accepted, which a person is to send (the policy names no address, or the
 * server refused it for good), and the alerts: notifications that did not, or can no longer, reach the
 * insurer by their deadline, when cover for the debt may be lost. Safe for the run's writer threads.
 */
final class InsurerNotices {

    private static final Logger LOG = Logger.getLogger(InsurerNotices.class);
    private static final int MAX_LISTED = 100;

    /** One notification the report names, and why. */
    record Notice(String reminderId, String invoiceId, String customerId, LocalDate deadline, String reason) {
    }

    /**
     * @param mailed notifications the insurer's mail server accepted
     * @param byHand notifications for a person to send (the first hundred): each is in {@code letters/}
     * @param alerts notifications that did not or cannot reach the insurer by their deadline
     */
    record Report(long mailed, List<Notice> byHand, List<Notice> alerts) {
    }

    private long mailed;
    private final List<Notice> byHand = new ArrayList<>();
    private final List<Notice> alerts = new ArrayList<>();

    /** A notification written, and mailed as {@code sent} says (empty: the policy names no address). */
    synchronized void sent(ReminderEngine.InsurerReport report, Optional<LetterDelivery.Sent> sent, LocalDate asOf) {
        if (sent.isPresent() && sent.get() instanceof LetterDelivery.Mailed mail) {
            mailed++;
            if (report.deadline().isBefore(asOf)) {
                alert(report, "mailed to " + mail.to() + " on " + asOf + ", after the deadline of " + report.deadline()
                        + "; cover for the debt may be lost: ask the insurer to accept it late");
            }
            return;
        }
        String reason = sent.isPresent() ? ((LetterDelivery.ByHand) sent.get()).reason()
                : "the policy names no insurer.notification address";
        if (byHand.size() < MAX_LISTED) {
            byHand.add(notice(report, reason + "; send letters/" + report.reminderId() + ".pdf by " + report.deadline()));
        }
        if (report.deadline().isBefore(asOf)) {
            alert(report, "not reported by the deadline of " + report.deadline() + " (" + reason
                    + "); cover for the debt may be lost: report it now and ask the insurer to accept it late");
        }
    }

    /** A notification the mail server could not take now: the next run mails it, unless that is too late. */
    synchronized void notSent(ReminderEngine.InsurerReport report, LocalDate asOf, String reason) {
        if (report.deadline().isBefore(nextRun(asOf))) {
            alert(report, "could not be mailed today (" + reason + ") and the deadline is " + report.deadline()
                    + ": the next run comes too late; send letters/" + report.reminderId() + ".pdf by hand today");
        }
    }

    /**
     * The day the next run comes: the run fires Monday to Friday (infra/template.yaml's ReminderSchedule), so
     * after a Friday's run a deadline on the Saturday or Sunday has passed before the next one mails it.
     */
    private static LocalDate nextRun(LocalDate asOf) {
        LocalDate next = asOf.plusDays(1);
        while (next.getDayOfWeek() == DayOfWeek.SATURDAY || next.getDayOfWeek() == DayOfWeek.SUNDAY) {
            next = next.plusDays(1);
        }
        return next;
    }

    synchronized Report report() {
        return new Report(mailed, List.copyOf(byHand), List.copyOf(alerts));
    }

    private void alert(ReminderEngine.InsurerReport report, String reason) {
        LOG.errorf("insurer notification %s for invoice %s: %s", report.reminderId(), report.invoiceId(), reason);
        if (alerts.size() < MAX_LISTED) {
            alerts.add(notice(report, reason));
        }
    }

    private static Notice notice(ReminderEngine.InsurerReport report, String reason) {
        return new Notice(report.reminderId(), report.invoiceId(), report.customer().id(), report.deadline(), reason);
    }
}
