package io.creditguard.reminders;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The policy's types that Jackson maps, registered for a native image. */
@RegisterForReflection(targets = {
        ReminderPolicy.class, ReminderPolicy.Level.class, ReminderPolicy.Insurer.class, ReminderPolicy.Creditor.class,
        ReminderPolicy.RateOverride.class, ReminderPolicy.ExchangeRate.class, ReminderPolicy.Kind.class,
        ReminderPolicy.LetterGrouping.class, ReminderPolicy.Delivery.class, ReminderPolicy.DeliveryMode.class,
        ReminderPolicy.Insurer.Notification.class, FeeCode.class })
final class PolicyJsonTypes {

    private PolicyJsonTypes() {
    }
}
