package io.creditguard.book;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Every type of this package that Jackson maps (the listing's header), for a native image. */
@RegisterForReflection(targets = { Book.Totals.class, BookTotals.class, BookTotals.Largest.class })
final class JsonTypes {

    private JsonTypes() {
    }
}
