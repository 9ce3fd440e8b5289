package io.creditguard.credit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.creditguard.credit.CreditDecision.Financials;
import io.creditguard.credit.CreditDecision.RegisterFacts;
import io.creditguard.credit.CreditDecision.SourceType;
import io.creditguard.filings.AnnualAccounts;
import io.creditguard.filings.Bolagsverket;
import io.creditguard.filings.CompanyFilings;
import io.creditguard.filings.CompanyFilings.Gap;
import io.creditguard.filings.FiledAccounts;
import io.creditguard.filings.Register;
import io.creditguard.filings.ReportException;
import io.creditguard.validation.CompanyIds;
import io.creditguard.validation.CountryCode;
import io.creditguard.validation.FieldError;
import io.creditguard.validation.InvalidInputException;

/**
 * The credit check with its sources: the figures typed, uploaded, or read from the company's registry
 * (Bolagsverket, KvK), and the register's facts, handed to {@link CreditDecision}. A registry that cannot
 * be asked leaves a gap in the answer; an upload that cannot be read is the caller's to fix, a 422 naming
 * {@code annualReport}.
 */
@ApplicationScoped
public class CreditCheck {

    /** Gaps that speak of the registry's accounts only: beside typed or uploaded figures they say nothing. */
    private static final Set<Gap> ABOUT_ACCOUNTS = EnumSet.of(Gap.NO_DIGITAL_REPORT, Gap.UNSUPPORTED_DOCUMENT,
            Gap.FIGURES_NOT_FILED, Gap.KVK_YEAR_ONLY);

    /** The answer of {@code GET /companies/{country}/{id}/accounts}. */
    public record CompanyAccounts(String country, String id, Register register, Bolagsverket.FiledDocument document,
            AnnualAccounts accounts, Currency currency, List<Financials> financials, List<String> missing) {
    }

    private final FiledAccounts filings;

    @Inject
    public CreditCheck(FiledAccounts filings) {
        this.filings = filings;
    }

    /** @throws InvalidInputException 422 for an upload that is not a readable annual report of this company */
    public CreditDecision.Result check(CreditCheckRequest r, Language language, LocalDate today) {
        LocalDate asOf = r.asOf() == null ? today : r.asOf();
        CreditDecision.Rules rules = CreditRules.on(asOf);
        CompanyIds.Checked id = CompanyIds.registrationNumber(r.company().country(), r.company().registrationNumber());
        AnnualAccounts uploaded = r.annualReport() == null ? null : upload(r, id);
        boolean typed = !r.financials().isEmpty();
        CompanyFilings filed = filings.lookup(r.company().country(), id.normalized(),
                id.kind() == CompanyIds.Kind.PERSONNUMMER_SOLE_TRADER, !typed && uploaded == null);

        List<String> gaps = new ArrayList<>();
        filed.missing().stream().filter(m -> !(typed || uploaded != null) || !ABOUT_ACCOUNTS.contains(m.gap()))
                .forEach(m -> gaps.add(FiledFinancials.gap(m, CreditRules.TEXTS, language)));
        List<Financials> years;
        if (typed) {
            years = r.financials().stream().map(CreditCheckRequest.FinancialsRequest::toInput).toList();
        } else if (uploaded != null) {
            years = weigh(uploaded, SourceType.UPLOAD, uploaded.document(), null, language, gaps);
        } else if (filed.accounts() != null && !filed.accounts().currency().equals(r.currency())) {
            gaps.add(CreditRules.TEXTS.text(CreditTexts.Text.GAP_OTHER_CURRENCY, language, Map.of(
                    "reportCurrency", filed.accounts().currency().getCurrencyCode(), "currency", r.currency().getCurrencyCode())));
            years = List.of();
        } else if (filed.accounts() != null) {
            boolean kvk = filed.accounts().kind() == AnnualAccounts.ReportKind.KVK_OPEN_DATA;
            years = weigh(filed.accounts(), kvk ? SourceType.KVK : SourceType.BOLAGSVERKET, filed.accounts().document(),
                    filed.document() == null ? null : filed.document().registeredOn(), language, gaps);
        } else {
            years = List.of();
        }
        RegisterFacts register = filed.register() == null ? null
                : CreditRules.SIGNALS.facts("Bolagsverket", filed.register(), filed.filed(), asOf);
        String name = filed.register() == null ? null : filed.register().name();
        String industry = filed.register() == null ? null : filed.register().industry();
        return CreditDecision.assess(r.toInput(today, years, name, industry, language, register, gaps), rules);
    }

    /** The company's registry data and latest filed figures, or what could not be had and why. */
    public CompanyAccounts accounts(String country, String id, Language language) {
        if (!CountryCode.Validator.isCode(country)) {
            throw InvalidInputException.invalid(FieldError.at("country", "must be an ISO 3166 country code such as SE or NL"));
        }
        CompanyIds.Checked checked = CompanyIds.registrationNumber(country, id);
        if (!checked.valid()) {
            throw InvalidInputException.invalid(FieldError.at("id", "is not a valid company number for " + country
                    + " (" + checked.broken() + ")"));
        }
        CompanyFilings filed = filings.lookup(country, checked.normalized(),
                checked.kind() == CompanyIds.Kind.PERSONNUMMER_SOLE_TRADER, true);
        List<String> missing = new ArrayList<>();
        filed.missing().forEach(m -> missing.add(FiledFinancials.gap(m, CreditRules.TEXTS, language)));
        List<Financials> years = List.of();
        if (filed.accounts() != null) {
            boolean kvk = filed.accounts().kind() == AnnualAccounts.ReportKind.KVK_OPEN_DATA;
            years = weigh(filed.accounts(), kvk ? SourceType.KVK : SourceType.BOLAGSVERKET, filed.accounts().document(),
                    filed.document() == null ? null : filed.document().registeredOn(), language, missing);
        }
        return new CompanyAccounts(country, checked.normalized(), filed.register(), filed.document(), filed.accounts(),
                filed.accounts() == null ? null : filed.accounts().currency(), years, missing);
    }

    private static List<Financials> weigh(AnnualAccounts accounts, SourceType type, String document, LocalDate filedOn,
            Language language, List<String> gaps) {
        FiledFinancials.Weighed weighed = FiledFinancials.weigh(accounts, type, document, filedOn, CreditRules.TEXTS, language);
        gaps.addAll(weighed.gaps());
        return weighed.years();
    }

    /** The uploaded report read, or a 422 naming what is wrong with it. */
    private AnnualAccounts upload(CreditCheckRequest r, CompanyIds.Checked id) {
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(r.annualReport().contentBase64());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.invalid(FieldError.at("$.annualReport.contentBase64", "is not base64"));
        }
        AnnualAccounts accounts;
        try {
            accounts = filings.read(r.annualReport().fileName(), bytes);
        } catch (ReportException e) {
            throw InvalidInputException.invalid(FieldError.at("$.annualReport.contentBase64", "is not a readable annual report ("
                    + e.fault() + "): " + e.getMessage()));
        }
        String asked = id.normalized() == null ? "" : id.normalized().replace("-", "");
        if ("SE".equals(r.company().country()) && accounts.organisationNumber() != null
                && !accounts.organisationNumber().equals(asked)) {
            throw InvalidInputException.invalid(FieldError.at("$.annualReport", "is the annual report of "
                    + accounts.organisationNumber() + ", not of " + asked + " (" + ReportException.Fault.OTHER_COMPANY + ")"));
        }
        if (!accounts.currency().equals(r.currency())) {
            throw InvalidInputException.invalid(FieldError.at("$.currency", "must be " + accounts.currency().getCurrencyCode()
                    + ", the currency of the annual report: a report is weighed in its own currency"));
        }
        return accounts;
    }
}
