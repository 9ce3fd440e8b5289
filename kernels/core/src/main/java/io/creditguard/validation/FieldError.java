package io.creditguard.validation;

/**
 * One thing wrong with one field of an input.
 *
 * @param field where the field sits, as a JSON path ({@code $.invoices[3].customer.country}), or for
 *     a document that is not JSON the name its standard gives it ({@code BT-9 cbc:DueDate})
 * @param pointer the same place as an RFC 6901 JSON Pointer ({@code /invoices/3/customer/country});
 *     absent when {@code field} is not a JSON path
 * @param message what is wrong, in plain words ({@code must not be null})
 */
public record FieldError(String field, String pointer, String message) {

    /**
     * An error at {@code field}: a JSON path of the form {@code $}, {@code $.a.b}, {@code $.a[2].b},
     * whose pointer is derived, or the name of a place in a document that is not JSON.
     */
    public static FieldError at(String field, String message) {
        return new FieldError(field, field.startsWith("$") ? JsonPaths.pointer(field) : null, message);
    }
}
