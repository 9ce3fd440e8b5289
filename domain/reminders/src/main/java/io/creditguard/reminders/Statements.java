package io.creditguard.reminders;

import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.creditguard.digest.Sha256;
import io.creditguard.money.Money;
import io.creditguard.money.Rates;
import io.creditguard.receivables.Invoice;
import io.creditguard.reminders.ReminderEngine.DunningLetter;
import io.creditguard.reminders.ReminderEngine.Fee;
import io.creditguard.reminders.ReminderEngine.NoticeTerm;
import io.creditguard.reminders.ReminderPolicy.Kind;
import io.creditguard.reminders.StatutoryRules.FeeRule;
import io.creditguard.reminders.StatutoryRules.FeeTrigger;

/**
 * Composes the day's dunning letters into the letters that go out: one statement per customer, kind
 * of letter, currency, governing law and language, listing every invoice due that letter, with one
 * pay-by date and one total. A policy may ask for one letter per invoice instead; a Dutch consumer's
 * 14-day letter covers all their invoices at once whatever the policy says (BW 6:96 lid 7).
 *
 * <p>Here too the Dutch consumer's collection costs are worked out, because the law reckons them over
 * the letter's claims together: the staffel on the principals added up (lid 7), stated in the 14-day
 * letter as what will be owed if it goes unpaid, and charged once with the first letter after the term
 * has run, each invoice bearing a share in proportion to its principal. Pure: no clock, no I/O.
 */
public final class Statements {

    /**
     * One letter to one customer.
     *
     * @param letterId stable for the same invoices and levels: a re-run composes the same id
     * @param invoices the invoices it lists, oldest due date first, each with its level and balance (on the
     *     wire without what the letter states once: customer, language, governing law)
     * @param collectionCostsIfUnpaid in a Dutch consumer's 14-day letter: the costs owed if the term
     *     passes unpaid, over all its invoices
     * @param noticeTermEnds in that letter: the last day of the 14-day term
     */
    public record Statement(String letterId, Kind kind, String template, Invoice.Customer customer, String language,
            Currency currency, GoverningLaw governingLaw,
            @JsonIgnoreProperties({"customer", "language", "governingLaw"}) List<DunningLetter> invoices, Money total,
            LocalDate payBy,
            Money collectionCostsIfUnpaid, LocalDate noticeTermEnds, Letters.Letter letter) {

        public Statement withLetter(Letters.Letter rendered) {
            return new Statement(letterId, kind, template, customer, language, currency, governingLaw, invoices, total,
                    payBy, collectionCostsIfUnpaid, noticeTermEnds, rendered);
        }
    }

    private Statements() {
    }

    private record Key(String customerId, Currency currency, String law, Kind kind, String template, String language,
            String invoiceId) {
    }

    /** The letters for {@code letters}, all decided on {@code asOf} by {@code engine}, in a stable order. */
    public static List<Statement> compose(ReminderEngine engine, List<DunningLetter> letters, LocalDate asOf) {
        boolean perInvoice = engine.policy().letters() == ReminderPolicy.LetterGrouping.PER_INVOICE;
        Map<Key, List<DunningLetter>> groups = new LinkedHashMap<>();
        for (DunningLetter letter : letters) {
            boolean joint = letter.noticeTerm() != null; // BW 6:96 lid 7: one letter for a consumer's claims
            Key key = new Key(letter.customer().id(), letter.line().balance().total().currency(),
                    letter.governingLaw().country(), letter.kind(), letter.template(), letter.language(),
                    perInvoice && !joint ? letter.invoiceId() : null);
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(letter);
        }
        List<Statement> statements = new ArrayList<>();
        for (List<DunningLetter> group : groups.values()) {
            statements.add(statement(engine, group, asOf));
        }
        statements.sort(Comparator.comparing((Statement s) -> s.customer().id()).thenComparing(Statement::letterId));
        return statements;
    }

    private static Statement statement(ReminderEngine engine, List<DunningLetter> group, LocalDate asOf) {
        List<DunningLetter> lines = new ArrayList<>(group);
        lines.sort(Comparator.comparing((DunningLetter l) -> l.line().dueDate()).thenComparing(l -> l.line().invoiceNumber()));
        DunningLetter first = lines.get(0);
        Currency currency = first.line().balance().total().currency();
        Money collectionCostsIfUnpaid = null;
        LocalDate termEnds = null;
        Optional<FeeRule> noticeRule = engine.rules().feeRules(first.governingLaw().country(),
                first.customer().type(), asOf).stream().filter(r -> r.trigger() == FeeTrigger.AFTER_NOTICE_PERIOD).findFirst();
        if (noticeRule.isPresent()) {
            List<String> warnings = new ArrayList<>();
            List<DunningLetter> notice = stage(lines, NoticeTerm.Stage.NOTICE);
            if (!notice.isEmpty()) {
                collectionCostsIfUnpaid = engine.staffel(sum(notice, currency), asOf, noticeRule.get(), warnings).orElse(null);
                termEnds = notice.get(0).noticeTerm().termEnds();
            }
            List<DunningLetter> due = stage(lines, NoticeTerm.Stage.COSTS_DUE);
            if (!due.isEmpty()) {
                Optional<Money> costs = engine.staffel(sum(due, currency), asOf, noticeRule.get(), warnings);
                if (costs.isPresent()) {
                    lines = charge(engine, lines, due, costs.get(), noticeRule.get(), asOf);
                }
            }
            if (!warnings.isEmpty()) {
                lines = lines.stream().map(l -> withWarnings(l, warnings)).toList();
            }
        }
        Money total = Money.zero(currency);
        LocalDate payBy = first.payBy();
        for (DunningLetter line : lines) {
            total = total.plus(line.line().balance().total());
            payBy = line.payBy().isAfter(payBy) ? line.payBy() : payBy;
        }
        String letterId = "let_" + Sha256.shortHex(lines.stream().map(DunningLetter::reminderId).sorted()
                .map(id -> id + '\n').collect(Collectors.joining()));
        return new Statement(letterId, first.kind(), first.template(), first.customer(), first.language(), currency,
                first.governingLaw(), List.copyOf(lines), total, payBy, collectionCostsIfUnpaid, termEnds, null);
    }

    private static List<DunningLetter> stage(List<DunningLetter> lines, NoticeTerm.Stage stage) {
        return lines.stream().filter(l -> l.noticeTerm() != null && l.noticeTerm().stage() == stage).toList();
    }

    private static Money sum(List<DunningLetter> lines, Currency currency) {
        return lines.stream().map(l -> l.noticeTerm().principal()).reduce(Money.zero(currency), Money::plus);
    }

    /**
     * The costs over {@code due} as shares in proportion to each invoice's principal, rounded HALF_EVEN,
     * the last invoice taking what rounding leaves so the shares add up to the costs.
     */
    private static List<DunningLetter> charge(ReminderEngine engine, List<DunningLetter> lines, List<DunningLetter> due,
            Money costs, FeeRule rule, LocalDate asOf) {
        Money principal = sum(due, costs.currency());
        Map<String, Money> shares = new LinkedHashMap<>();
        Money left = costs;
        for (int i = 0; i < due.size(); i++) {
            DunningLetter line = due.get(i);
            Money share = i == due.size() - 1 ? left : costs.times(line.noticeTerm().principal().amount()
                    .divide(principal.amount(), Rates.RATIO), RoundingMode.HALF_EVEN).min(left);
            shares.put(line.reminderId(), share);
            left = left.minus(share);
        }
        String language = due.get(0).language();
        String own = engine.rules().basis(rule, language);
        String basis = due.size() == 1 ? own : ReminderText.BASIS_JOINT.in(language, own, due.size(), principal);
        return lines.stream().map(l -> {
            Money share = shares.get(l.reminderId());
            return share == null || !share.isPositive() ? l
                    : l.withBalance(l.line().balance().withFee(new Fee(rule.code(), share, basis, l.level(), asOf, null)));
        }).toList();
    }

    private static DunningLetter withWarnings(DunningLetter letter, List<String> more) {
        List<String> all = new ArrayList<>(letter.warnings());
        more.stream().filter(w -> !all.contains(w)).forEach(all::add);
        return new DunningLetter(letter.reminderId(), letter.level(), letter.kind(), letter.template(), letter.customer(),
                letter.language(), letter.governingLaw(), letter.line(), letter.payBy(), letter.noticeTerm(), List.copyOf(all));
    }
}
