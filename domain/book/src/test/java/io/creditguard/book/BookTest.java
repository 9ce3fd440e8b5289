package io.creditguard.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Currency;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.creditguard.store.FileObjectStore;

class BookTest {

    @TempDir
    Path root;

    private Book book() {
        return new Book(new FileObjectStore(root));
    }

    private void listing(String content) throws IOException {
        Files.createDirectories(root.resolve("customers"));
        Files.writeString(root.resolve(Book.LISTING), content);
    }

    @Test
    void beforeAnyRunTheBookHasNoTotals() throws IOException {
        assertThat(book().totals()).isEmpty();
    }

    @Test
    void theTotalsAreTheHeaderLineWithTheLedgersOwnFieldsAndRowsSkipped() throws IOException {
        // The header as the ledger writes it (LedgerIndex.Header): the totals, then what only the ledger reads.
        listing("""
                {"asOf":"2026-12-01","run":"runs/2026-12-01/report.json","customers":2,"totals":[{"currency":"SEK",\
                "open":80000.00,"overdue":50000.00,"invoicedLast12Months":120000.00,"customers":1,"largestExposure":\
                {"customerId":"c-norr","name":"Norrlands Metall & Svets AB","amount":80000.00}}],"openAlerts":[\
                {"customerId":"c-norr","name":"Norrlands Metall & Svets AB","alert":{"type":"OVERDUE","subject":"O1",\
                "since":"2026-10-01","detail":"F-O1 is overdue","figures":null}}],"openAlertCount":1}
                {"customerId":"c-norr","name":"Norrlands Metall & Svets AB","country":"SE"}
                """);

        Book.Totals totals = book().totals().orElseThrow();

        assertThat(totals.asOf()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(totals.run()).isEqualTo("runs/2026-12-01/report.json");
        assertThat(totals.totals()).singleElement().satisfies(sek -> {
            assertThat(sek.currency()).isEqualTo(Currency.getInstance("SEK"));
            assertThat(sek.invoicedLast12Months()).isEqualByComparingTo("120000.00");
            assertThat(sek.largestExposure().customerId()).isEqualTo("c-norr");
            assertThat(sek.largestExposure().amount()).isEqualByComparingTo("80000.00");
        });
    }

    @Test
    void anEmptyListingIsAFaultThatNamesTheFile() throws IOException {
        listing("");

        assertThatThrownBy(() -> book().totals()).isInstanceOf(IOException.class)
                .hasMessage("customers/index.jsonl is empty; the next reminder run writes it again");
    }
}
