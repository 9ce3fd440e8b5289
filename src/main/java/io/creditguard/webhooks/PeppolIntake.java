package io.creditguard.webhooks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import jakarta.enterprise.context.ApplicationScoped;

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
 * A Peppol BIS Billing 3.0 invoice in UBL 2.1 ({@code POST /invoices/peppol}, {@code application/xml}),
 * authenticated by {@code x-api-key} against INTAKE_API_KEY. The parser refuses any DOCTYPE, so
 * external entities (XXE) and entity expansion never happen. Read: invoice number (BT-1 cbc:ID),
 * issue date (BT-2), due date (BT-9), currency (BT-5), amount due (BT-115 PayableAmount), buyer name
 * (BT-44) and legal id with its scheme (BT-47, e.g. 0007 Swedish orgnr, 0106 KvK), buyer country
 * (BT-55) and seller (BT-27 / BT-30).
 */
@ApplicationScoped
class PeppolIntake {

    static final String SOURCE = "peppol";
    private static final String CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
    private static final String CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
    private static final String INVOICE = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";

    private final Secrets secrets;
    private final IntakeStore store;
    private final Normalizer normalizer;
    private final InputReader inputs;
    private final Clock clock;

    PeppolIntake(Secrets secrets, IntakeStore store, Normalizer normalizer, InputReader inputs, Clock clock) {
        this.secrets = secrets;
        this.store = store;
        this.normalizer = normalizer;
        this.inputs = inputs;
        this.clock = clock;
    }

    IntakeResult handle(HttpRequest request) {
        String key = secrets.require("INTAKE_API_KEY");
        if (!Signatures.same(key, request.header("x-api-key").orElse(null))) {
            throw Normalizer.unauthorized("x-api-key is missing or wrong.");
        }
        String contentType = request.header("content-type").orElse("").split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (!contentType.equals("application/xml") && !contentType.equals("text/xml")) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Send the UBL invoice as application/xml, not "
                    + (contentType.isEmpty() ? "without a Content-Type" : contentType) + ".");
        }
        Element root = parse(request.body()).getDocumentElement();
        if (!INVOICE.equals(root.getNamespaceURI()) || !"Invoice".equals(root.getLocalName())) {
            throw new ProblemException(ProblemType.INVALID_BODY, "The document is not a UBL 2.1 Invoice (root element "
                    + root.getNodeName() + ").");
        }
        String eventId = Sha256.hex(request.body());
        if (store.seen(SOURCE, eventId)) {
            return IntakeResult.of("duplicate", null, "this document was received before");
        }
        return store.upsert(SOURCE, eventId, inputs.check(map(root), "$"));
    }

    private Invoice map(Element root) {
        List<FieldError> missing = new ArrayList<>();
        String number = text(root, missing, "BT-1 cbc:ID", c(CBC, "ID"));
        String issued = text(root, missing, "BT-2 cbc:IssueDate", c(CBC, "IssueDate"));
        String due = text(root, missing, "BT-9 cbc:DueDate", c(CBC, "DueDate"));
        String currency = text(root, missing, "BT-5 cbc:DocumentCurrencyCode", c(CBC, "DocumentCurrencyCode"));
        String payable = text(root, missing, "BT-115 cac:LegalMonetaryTotal/cbc:PayableAmount", c(CAC, "LegalMonetaryTotal"),
                c(CBC, "PayableAmount"));
        String total = optional(root, c(CAC, "LegalMonetaryTotal"), c(CBC, "TaxInclusiveAmount"));
        String[] buyer = {c(CAC, "AccountingCustomerParty"), c(CAC, "Party")};
        String buyerName = text(root, missing, "BT-44 buyer cac:PartyLegalEntity/cbc:RegistrationName",
                concat(buyer, c(CAC, "PartyLegalEntity"), c(CBC, "RegistrationName")));
        Element buyerId = element(root, concat(buyer, c(CAC, "PartyLegalEntity"), c(CBC, "CompanyID")));
        String country = optional(root, concat(buyer, c(CAC, "PostalAddress"), c(CAC, "Country"), c(CBC, "IdentificationCode")));
        String[] seller = {c(CAC, "AccountingSupplierParty"), c(CAC, "Party"), c(CAC, "PartyLegalEntity")};
        String sellerId = optional(root, concat(seller, c(CBC, "CompanyID")));
        String sellerName = text(root, missing, "BT-27 seller cac:PartyLegalEntity/cbc:RegistrationName",
                concat(seller, c(CBC, "RegistrationName")));
        if (!missing.isEmpty()) {
            throw InvalidInputException.invalid(missing);
        }
        String buyerLegalId = buyerId == null ? buyerName : buyerId.getTextContent().strip();
        String scheme = buyerId == null ? "" : buyerId.getAttribute("schemeID");
        String debtorCountry = normalizer.country(country);
        BigDecimal amountDue = amount(payable, "BT-115 PayableAmount");
        return new Invoice("peppol:" + (sellerId == null ? sellerName : sellerId) + ":" + number, number,
                Payloads.currencyCode(currency, "BT-5 cbc:DocumentCurrencyCode"), Payloads.date(issued, "BT-2 cbc:IssueDate"),
                Payloads.date(due, "BT-9 cbc:DueDate"),
                total == null ? amountDue : amount(total, "BT-112 TaxInclusiveAmount").max(amountDue), amountDue,
                new Invoice.Customer((scheme.isEmpty() ? "" : scheme + ":") + buyerLegalId, buyerName,
                        Invoice.CustomerType.BUSINESS, debtorCountry, Normalizer.languageOf(debtorCountry), null, null, null),
                Invoice.Terms.NONE, List.of(), List.of(), Invoice.Dunning.NONE, SOURCE, clock.instant());
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
        } catch (IOException | ParserConfigurationException e) {
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
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw Payloads.invalid(field, "must be a decimal amount");
        }
    }
}
