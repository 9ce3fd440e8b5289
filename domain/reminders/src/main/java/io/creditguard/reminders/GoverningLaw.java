package io.creditguard.reminders;

import java.util.Optional;

import io.creditguard.receivables.Invoice;
import io.creditguard.reference.Jurisdictions;

/**
 * The law a contract's late payment is judged by, and why: late interest and recovery costs follow
 * the law governing the contract (Rome I, Reg. 593/2008, art. 12(1)(c)), not the debtor's country.
 *
 * <ul>
 * <li>{@code CONTRACT}: the parties chose it, on the invoice or the customer's framework contract
 * (art. 3).</li>
 * <li>{@code SELLER_DEFAULT}: no choice, a business debtor: the law of the seller's or service
 * provider's country (art. 4(1)(a)/(b)).</li>
 * <li>{@code CONSUMER_RESIDENCE}: no choice, a consumer: the law of the consumer's residence
 * (art. 6(1), the seller directing its business there), where creditguard has rules for it; else the
 * seller's law, with a warning that the consumer's mandatory rules may still apply.</li>
 * </ul>
 */
public record GoverningLaw(String country, Basis basis) {

    public enum Basis {
        CONTRACT, SELLER_DEFAULT, CONSUMER_RESIDENCE
    }

    /** The law, and a warning for the answer when mandatory rules of another law may also bind. */
    public record Resolution(GoverningLaw law, Optional<String> warning) {
    }

    /**
     * @param sellerCountry the creditor's country (policy.creditor.country), a law with rules
     * @param language of the warning: the creditor's, who reads it
     */
    public static Resolution of(Invoice invoice, String sellerCountry, Jurisdictions jurisdictions, String language) {
        Invoice.Customer customer = invoice.customer();
        boolean consumer = customer.type() == Invoice.CustomerType.CONSUMER;
        Optional<String> chosen = invoice.chosenLaw();
        if (chosen.isPresent()) {
            Optional<String> warning = consumer && !chosen.get().equals(customer.country())
                    ? Optional.of(ReminderText.WARNING_CHOSEN_LAW_CONSUMER.in(language, chosen.get(), customer.country()))
                    : Optional.empty();
            return new Resolution(new GoverningLaw(chosen.get(), Basis.CONTRACT), warning);
        }
        if (!consumer) {
            return new Resolution(new GoverningLaw(sellerCountry, Basis.SELLER_DEFAULT), Optional.empty());
        }
        if (jurisdictions.covers(customer.country())) {
            return new Resolution(new GoverningLaw(customer.country(), Basis.CONSUMER_RESIDENCE), Optional.empty());
        }
        return new Resolution(new GoverningLaw(sellerCountry, Basis.SELLER_DEFAULT), Optional.of(
                ReminderText.WARNING_CONSUMER_LAW_UNKNOWN.in(language, customer.country(), sellerCountry)));
    }
}
