package io.creditguard.validation;

import java.util.List;

import io.creditguard.reference.FileProblem;

/**
 * An input that cannot be used as it is: not JSON, not the shape expected, or breaking a field rule.
 * It is the caller's to fix, never a fault of ours; the HTTP adapter answers it as a 4xx problem,
 * the reminder run reports the book line and goes on.
 */
public final class InvalidInputException extends RuntimeException {

    /** How far the input got. */
    public enum Kind {
        /** Not one well-formed JSON (or XML) document. */
        MALFORMED,
        /** Well-formed, but not something we read: empty, not an object, over a parser limit. */
        UNREADABLE,
        /** A field of the wrong type: a string for a number, an unknown enum constant or currency. */
        WRONG_TYPE,
        /** The right shape, but a field rule is broken: missing, out of range, inconsistent. */
        INVALID
    }

    private final Kind kind;
    private final transient List<FieldError> errors;

    private InvalidInputException(Kind kind, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.kind = kind;
        this.errors = List.copyOf(errors);
    }

    /** An input that is not a document we can read at all; no field is named. */
    public static InvalidInputException unreadable(Kind kind, String detail) {
        return new InvalidInputException(kind, detail, List.of());
    }

    /** One field of the wrong type. */
    public static InvalidInputException wrongType(FieldError error) {
        return new InvalidInputException(Kind.WRONG_TYPE, error.field() + " " + error.message(), List.of(error));
    }

    /** Field rules broken; the detail names the field when there is one, else the count. */
    public static InvalidInputException invalid(List<FieldError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid input names at least one field");
        }
        return new InvalidInputException(Kind.INVALID, errors.size() == 1
                ? errors.get(0).field() + " " + errors.get(0).message() : errors.size() + " fields are invalid", errors);
    }

    /** One field rule broken. */
    public static InvalidInputException invalid(FieldError error) {
        return invalid(List.of(error));
    }

    public Kind kind() {
        return kind;
    }

    /** Every field at fault, sorted by field, empty for a document that could not be read. */
    public List<FieldError> errors() {
        return errors;
    }

    /**
     * What is wrong with {@code json}, a document an operator keeps as {@code file}, one problem per field
     * at fault with the line it is on (for a field that is absent, the line of the object that lacks it),
     * or one for a document that cannot be read, at the line where it stops parsing.
     */
    public List<FileProblem> problemsIn(String file, String json) {
        if (errors.isEmpty()) {
            Integer line = JsonPaths.failure(json).map(JsonPaths.Position::line).orElse(null);
            return List.of(new FileProblem(file, line, null, getMessage()));
        }
        return errors.stream().map(e -> new FileProblem(file, JsonPaths.locate(json, e.pointer())
                .map(JsonPaths.Position::line).orElse(null), e.field(), e.field() + " " + e.message())).toList();
    }

    /** The errors on one line, {@code $.a must not be null; $.b must be greater than 0}, for reports and logs. */
    public String summary() {
        return errors.isEmpty() ? getMessage() : String.join("; ", errors.stream()
                .map(e -> e.field() + " " + e.message()).toList());
    }
}
