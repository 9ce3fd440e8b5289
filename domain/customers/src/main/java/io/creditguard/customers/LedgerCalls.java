package io.creditguard.customers;

import io.creditguard.http.Caller;
import io.creditguard.http.HttpRequest;
import io.creditguard.http.Problem;
import io.creditguard.http.ProblemException;
import io.creditguard.http.ProblemType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * The ledger as the functions' routes call it: who asked, and the ledger's refusals as the problems they are. Every
 * function that reads the ledger (customers, credit-check, claims) answers through it, so a refusal reads
 * the same from each.
 */
public final class LedgerCalls {

    private LedgerCalls() {
    }

    /** Who asked and through what, as the limit history and the invoice keep it. */
    public static CustomerService.Who who(HttpRequest request, String route) {
        Optional<Caller> caller = request.caller();
        String by = caller.map(c -> c.subject() + (c.clientId() == null ? "" : " (client " + c.clientId() + ")"))
                .orElse("anonymous (no authorizer: the local gateway without sign-in)");
        return new CustomerService.Who(by, route, request.requestId().orElse(null));
    }

    /** A call into the ledger, what it cannot do answered as the problem it is. */
    @FunctionalInterface
    public interface Call<T> {
        T call() throws IOException;
    }

    /**
     * {@code call}'s answer; an unknown customer or invoice is a 404, a paid invoice a 409, a record other writers
     * kept changing a 503 {@code store-busy}, a ledger file that cannot be read a 500 saying the next run rebuilds it.
     */
    public static <T> T answer(Call<T> call) {
        try {
            return call.call();
        } catch (CustomerService.Refused e) {
            throw new ProblemException(Problem.of(e.why() == CustomerService.Refused.Why.UNKNOWN ? ProblemType.NO_SUCH_RECORD
                    : ProblemType.CONFLICT, e.getMessage(), List.of(e.error())));
        } catch (CustomerService.Busy e) {
            throw new ProblemException(ProblemType.STORE_BUSY, e.getMessage());
        } catch (LedgerStore.Unreadable e) {
            throw new ProblemException(ProblemType.INTERNAL_ERROR, e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
