package io.creditguard.webhooks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

import io.creditguard.digest.Sha256;
import io.creditguard.http.HttpRequest;
import io.creditguard.http.ProblemException;
import io.creditguard.http.ProblemType;
import io.creditguard.receivables.Invoice;
import io.creditguard.validation.FieldError;
import io.creditguard.validation.InputReader;
import io.creditguard.validation.InvalidInputException;

/**
 * Peppol BIS Billing 3.0 documents in UBL 2.1 ({@code POST /invoices/peppol}, {@code application/xml}),
 * authenticated by {@code x-api-key} against INTAKE_API_KEY. The parser refuses any DOCTYPE, so
 * external entities (XXE) and entity expansion never happen. Only BIS Billing 3.0 is taken:
 * {@code CustomizationID} (BT-24) and {@code ProfileID} (BT-23) must name it.
 *
 * <p>An {@code Invoice}: number (BT-1), issue date (BT-2), due date (BT-9), currency (BT-5), total
 * (BT-112), amount paid in advance (BT-113, recorded as a payment), amount due (BT-115), buyer name
 * (BT-44), legal id with its scheme (BT-47) and country (BT-55), seller (BT-27 / BT-30). Without a due
 * date BR-CO-25 requires payment terms (BT-20): the due date is then the issue date plus the days of
 * {@value #TERMS_PROPERTY} (30 unless configured: the period Directive 2011/7/EU art. 3(3)(b) and 4(3)(a) set where
 * the contract fixes none), and the invoice says so.
 *
 * <p>A {@code CreditNote} (type 381) credits the invoice its BG-3 reference names (BT-25) by its
 * amount due (BT-115): applied to that invoice, or kept until the invoice arrives; idempotent by the
 * credit note's number and seller.
 */
@ApplicationScoped
class PeppolIntake {

    static final String SOURCE = "peppol";
    /** The days from the issue date an invoice that states payment terms but no due date is due. */
    static final String TERMS_PROPERTY = "creditguard.intake.default-payment-terms-days";
    static final String BIS_BILLING_3 = "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0";
    static final String BIS_PROFILE = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0";
    private static final String CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
    private static final String CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
    private static final String INVOICE = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
    private static final String CREDIT_NOTE = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";
    private static final String PAYABLE = "BT-115 cac:LegalMonetaryTotal/cbc:PayableAmount";

    private final Secrets secrets;
    private final IntakeStore intake;
    private final Normalizer normalizer;
    private final InputReader inputs;
    private final String defaultTermsDays;
    private final Clock clock;

    /** @param defaultTermsDays as configured: read when an invoice needs it, so a bad value fails that invoice alone */
    PeppolIntake(Secrets secrets, IntakeStore intake, Normalizer normalizer, InputReader inputs,
            @ConfigProperty(name = TERMS_PROPERTY, defaultValue = "30") String defaultTermsDays, Clock clock) {
        this.secrets = secrets;
        this.intake = intake;
        this.normalizer = normalizer;
        this.inputs = inputs;
        this.defaultTermsDays = defaultTermsDays;
        this.clock = clock;
    }

    IntakeResult handle(HttpRequest request) {
        String key = secrets.require("INTAKE_API_KEY");
        if (!Signatures.same(key, request.header("x-api-key").orElse(null))) {
            throw Signatures.unauthorized("x-api-key is missing or wrong.");
        }
        String contentType = request.header("content-type").orElse("").split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (!contentType.equals("application/xml") && !contentType.equals("text/xml")) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Send the UBL document as application/xml, not "
                    + (contentType.isEmpty() ? "without a Content-Type" : contentType) + ".");
        }
        Element root = parse(request.body()).getDocumentElement();
        boolean invoice = INVOICE.equals(root.getNamespaceURI()) && "Invoice".equals(root.getLocalName());
        boolean creditNote = CREDIT_NOTE.equals(root.getNamespaceURI()) && "CreditNote".equals(root.getLocalName());
        if (!invoice && !creditNote) {
            throw new ProblemException(ProblemType.INVALID_BODY, "The document is not a UBL 2.1 Invoice or CreditNote (root "
                    + "element " + root.getNodeName() + ").");
        }
        requireBis(root);
        String eventId = Sha256.hex(request.body());
        if (intake.seen(SOURCE, eventId)) {
            return IntakeResult.of(IntakeResult.Status.DUPLICATE, null, "this document was received before");
        }
        return invoice ? intake.upsert(SOURCE, eventId, inputs.check(invoice(root), "$"), true) : credit(root, eventId);
    }

    /** BIS Billing 3.0 only: another specification's document may mean something else by the same elements. */
    private static void requireBis(Element root) {
        List<FieldError> errors = new ArrayList<>();
        String customization = optional(root, c(CBC, "CustomizationID"));
        String profile = optional(root, c(CBC, "ProfileID"));
        if (!BIS_BILLING_3.equals(customization)) {
            errors.add(FieldError.at("BT-24 cbc:CustomizationID", "must be " + BIS_BILLING_3 + " (Peppol BIS Billing 3.0), not "
                    + (customization == null ? "absent" : customization)));
        }
        if (!BIS_PROFILE.equals(profile)) {
            errors.add(FieldError.at("BT-23 cbc:ProfileID", "must be " + BIS_PROFILE + ", not "
                    + (profile == null ? "absent" : profile)));
        }
        if (!errors.isEmpty()) {
            throw InvalidInputException.invalid(errors);
        }
    }

    private Invoice invoice(Element root) {
        List<FieldError> missing = new ArrayList<>();
        String number = text(root, missing, "BT-1 cbc:ID", c(CBC, "ID"));
        String issued = text(root, missing, "BT-2 cbc:IssueDate", c(CBC, "IssueDate"));
        String due = optional(root, c(CBC, "DueDate"));
        String terms = optional(root, c(CAC, "PaymentTerms"), c(CBC, "Note"));
        String currency = text(root, missing, "BT-5 cbc:DocumentCurrencyCode", c(CBC, "DocumentCurrencyCode"));
        String payable = text(root, missing, PAYABLE, c(CAC, "LegalMonetaryTotal"), c(CBC, "PayableAmount"));
        String total = optional(root, c(CAC, "LegalMonetaryTotal"), c(CBC, "TaxInclusiveAmount"));
        String prepaid = optional(root, c(CAC, "LegalMonetaryTotal"), c(CBC, "PrepaidAmount"));
        String vat = optional(root, c(CAC, "TaxTotal"), c(CBC, "TaxAmount"));
        String remittance = optional(root, c(CAC, "PaymentMeans"), c(CBC, "PaymentID"));
        String[] buyer = {c(CAC, "AccountingCustomerParty"), c(CAC, "Party")};
        String buyerName = text(root, missing, "BT-44 buyer cac:PartyLegalEntity/cbc:RegistrationName",
                concat(buyer, c(CAC, "PartyLegalEntity"), c(CBC, "RegistrationName")));
        Element buyerId = element(root, concat(buyer, c(CAC, "PartyLegalEntity"), c(CBC, "CompanyID")));
        String country = optional(root, concat(buyer, c(CAC, "PostalAddress"), c(CAC, "Country"), c(CBC, "IdentificationCode")));
        String supplier = supplier(root, missing);
        if (!missing.isEmpty()) {
            throw InvalidInputException.invalid(missing);
        }
        BigDecimal amountDue = amount(payable, PAYABLE);
        LocalDate issueDate = Payloads.date(issued, "BT-2 cbc:IssueDate");
        LocalDate dueDate;
        String dueDateBasis = null;
        if (due != null) {
            dueDate = Payloads.date(due, "BT-9 cbc:DueDate");
        } else if (amountDue.signum() > 0 && terms == null) {
            throw Payloads.invalid("BT-9 cbc:DueDate", "is absent, and so are the payment terms (BT-20 cac:PaymentTerms/cbc:Note): "
                    + "BR-CO-25 requires one of them when an amount is due");
        } else {
            int days = defaultTermsDays();
            dueDate = issueDate.plusDays(days);
            dueDateBasis = "no due date (BT-9) on the invoice: issue date " + issueDate + " + " + days
                    + " days (the deployment's " + TERMS_PROPERTY + ")";
        }
        BigDecimal paidInAdvance = prepaid == null ? BigDecimal.ZERO : amount(prepaid, "BT-113 PrepaidAmount");
        BigDecimal amount = total == null ? amountDue.add(paidInAdvance)
                : amount(total, "BT-112 TaxInclusiveAmount").max(amountDue.add(paidInAdvance));
        String invoiceId = "peppol:" + supplier + ":" + number;
        List<Invoice.Payment> payments = paidInAdvance.signum() > 0 ? List.of(new Invoice.Payment(invoiceId + ":prepaid",
                issueDate, paidInAdvance, null, "paid in advance (BT-113)")) : List.of();
        String buyerLegalId = buyerId == null ? buyerName : buyerId.getTextContent().strip();
        String scheme = buyerId == null ? "" : buyerId.getAttribute("schemeID");
        String debtorCountry = normalizer.country(country);
        return new Invoice(invoiceId, number, Payloads.currencyCode(currency, "BT-5 cbc:DocumentCurrencyCode"), issueDate,
                dueDate, amount, amountDue,
                new Invoice.Customer((scheme.isEmpty() ? "" : scheme + ":") + buyerLegalId, buyerName,
                        Invoice.CustomerType.BUSINESS, debtorCountry, Normalizer.languageOf(debtorCountry), null, null, null, null, null),
                new Invoice.Terms(null, false, null, terms, dueDateBasis, null, null, false,
                        vat == null ? null : amount(vat, "BT-110 TaxAmount"), remittance, null),
                payments, List.of(), Invoice.Dunning.NONE, SOURCE,
                clock.instant());
    }

    private IntakeResult credit(Element root, String eventId) {
        List<FieldError> missing = new ArrayList<>();
        String number = text(root, missing, "BT-1 cbc:ID", c(CBC, "ID"));
        String issued = text(root, missing, "BT-2 cbc:IssueDate", c(CBC, "IssueDate"));
        String type = text(root, missing, "BT-3 cbc:CreditNoteTypeCode", c(CBC, "CreditNoteTypeCode"));
        String currency = text(root, missing, "BT-5 cbc:DocumentCurrencyCode", c(CBC, "DocumentCurrencyCode"));
        String payable = text(root, missing, PAYABLE, c(CAC, "LegalMonetaryTotal"), c(CBC, "PayableAmount"));
        String reference = text(root, missing, "BT-25 cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID",
                c(CAC, "BillingReference"), c(CAC, "InvoiceDocumentReference"), c(CBC, "ID"));
        String supplier = supplier(root, missing);
        if (!missing.isEmpty()) {
            throw InvalidInputException.invalid(missing);
        }
        if (!"381".equals(type)) {
            throw Payloads.invalid("BT-3 cbc:CreditNoteTypeCode", "must be 381 (credit note), not " + type);
        }
        BigDecimal amount = amount(payable, PAYABLE);
        if (amount.signum() <= 0) {
            throw Payloads.invalid(PAYABLE, "must be a positive amount credited");
        }
        Invoice.Credit credit = inputs.check(new Invoice.Credit("peppol:" + supplier + ":" + number,
                Payloads.date(issued, "BT-2 cbc:IssueDate"), amount), "$");
        return intake.addCredit(SOURCE, eventId, "peppol:" + supplier + ":" + reference, credit,
                Payloads.currencyCode(currency, "BT-5 cbc:DocumentCurrencyCode"), PAYABLE);
    }

    /** The seller as both documents name it: its legal id (BT-30) where given, else its name (BT-27). */
    private static String supplier(Element root, List<FieldError> missing) {
        String[] seller = {c(CAC, "AccountingSupplierParty"), c(CAC, "Party"), c(CAC, "PartyLegalEntity")};
        String id = optional(root, concat(seller, c(CBC, "CompanyID")));
        String name = text(root, missing, "BT-27 seller cac:PartyLegalEntity/cbc:RegistrationName",
                concat(seller, c(CBC, "RegistrationName")));
        return id == null ? name : id;
    }

    /**
     * @throws ProblemException 503 when the deployment's days are not a whole number from 0 to 365: its fault, so the
     *     access point sends the invoice again once it is mended
     */
    private int defaultTermsDays() {
        try {
            int days = Integer.parseInt(defaultTermsDays.strip());
            if (days >= 0 && days <= 365) {
                return days;
            }
        } catch (NumberFormatException e) {
            // said below, with the value
        }
        throw new ProblemException(ProblemType.NOT_CONFIGURED, TERMS_PROPERTY + " is '" + defaultTermsDays + "' on this "
                + "deployment, not a number of days from 0 to 365; the invoice was not processed and may be sent again.");
    }

    /**
     * A DOM of {@code xml}, parsed with DOCTYPEs refused and every external access off.
     *
     * @throws ProblemException 400 for malformed XML or any DOCTYPE (the XXE vector)
     */
    static Document parse(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler());
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXException e) {
            String reason = e.getMessage() == null ? "" : e.getMessage();
            throw new ProblemException(ProblemType.INVALID_BODY, reason.contains("DOCTYPE")
                    ? "The XML declares a DOCTYPE; DTDs and external entities are refused."
                    : "The body is not well-formed XML: " + reason);
        } catch (IOException e) {
            // read from bytes in memory, so only the content fails: an encoding the JDK has not, bytes not in it
            throw new ProblemException(ProblemType.INVALID_BODY, "The body cannot be read as XML: " + e.getMessage());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser could not be set up securely", e);
        }
    }

    private static String c(String namespace, String name) {
        return namespace + "|" + name;
    }

    private static String[] concat(String[] prefix, String... rest) {
        String[] all = java.util.Arrays.copyOf(prefix, prefix.length + rest.length);
        System.arraycopy(rest, 0, all, prefix.length, rest.length);
        return all;
    }

    /** The direct-child path from {@code root}, or null. */
    private static Element element(Element root, String... path) {
        Element current = root;
        for (String step : path) {
            String[] nsAndName = step.split("\\|", 2);
            Element next = null;
            for (Node child = current.getFirstChild(); child != null && next == null; child = child.getNextSibling()) {
                if (child instanceof Element e && nsAndName[0].equals(e.getNamespaceURI())
                        && nsAndName[1].equals(e.getLocalName())) {
                    next = e;
                }
            }
            if (next == null) {
                return null;
            }
            current = next;
        }
        return current;
    }

    private static String optional(Element root, String... path) {
        Element e = element(root, path);
        return e == null || e.getTextContent().isBlank() ? null : e.getTextContent().strip();
    }

    private static String text(Element root, List<FieldError> missing, String field, String... path) {
        String value = optional(root, path);
        if (value == null) {
            missing.add(FieldError.at(field, "must not be blank"));
        }
        return value;
    }

    private static BigDecimal amount(String text, String field) {
        return Payloads.amount(text, field, "must be a decimal amount");
    }
}
