package io.creditguard.breakeven;

/** Ways to protect receivables against a customer's failure to pay. */
public enum ProtectionKind {
    CREDIT_INSURANCE,
    FACTORING,
    BANK_GUARANTEE,
    SELF_INSURANCE
}
