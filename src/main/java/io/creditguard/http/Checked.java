package io.creditguard.http;

/**
 * A request body or record that states its own field rules: required fields, ranges, lengths,
 * patterns, nested records. Every JSON route's body is one, so no body reaches a calculator
 * unchecked.
 *
 * <p>The rules are plain code rather than annotations read by a validation framework: a framework
 * costs a Lambda about two thirds of a second at every cold start to build its metadata, and the
 * reminder run checks every line of a book.
 */
public interface Checked {

    /**
     * Records every rule this value breaks in {@code checks}, each under its field's JSON path. Rules
     * between fields belong here when they tolerate absent fields (an invoice's dates in order);
     * those that need the field rules to hold first are the caller's next step (a request's
     * {@code toInput}).
     */
    void check(Checks checks);
}
