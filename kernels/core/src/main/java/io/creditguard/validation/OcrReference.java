package io.creditguard.validation;

/**
 * A Swedish OCR reference as Bankgirot's OCR check reads it (Bankgirot, "OCR-referenskontroll",
 * https://www.bankgirot.se/tjanster/inbetalningar/bankgiro-inbetalningar/ocr-referenskontroll/): 2 to 25
 * digits, the last a check digit by modulus 10 (Luhn, as in an organisationsnummer). Whether the second
 * last is a length digit is each payee's agreement with its bank, so only the check digit is checked.
 */
public final class OcrReference {

    private OcrReference() {
    }

    /** Whether {@code reference} is digits only, 2 to 25 of them, with a right modulus-10 check digit. */
    public static boolean valid(String reference) {
        return reference != null && reference.matches("\\d{2,25}") && CompanyIds.luhnValid(reference);
    }
}
