package io.creditguard.connections;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A list answer read a numbered page at a time, as Fortnox ({@code page}, {@code MetaInformation}) and Visma
 * ({@code $page}, {@code Meta}) page theirs, each naming the page it is and how many there are. An answer that cannot be
 * trusted to say where the list goes on fails the sync, the cursor kept, so nothing in the window is skipped.
 */
final class Pages {

    private Pages() {
    }

    /**
     * The list {@code member} of {@code endpoint}'s answer.
     *
     * @throws IOException when the answer has no such list: read as an empty one, it would complete the window and the
     *     changes in it would never be read
     */
    static JsonNode list(JsonNode answer, String endpoint, String member) throws IOException {
        JsonNode items = answer.path(member);
        if (!items.isArray()) {
            throw new IOException(endpoint + " answered without its " + member + " list");
        }
        return items;
    }

    /**
     * Whether page {@code page} of {@code items} is the list's last: the last that {@code total} claims, or the first that
     * is empty, since a claim beyond the data would keep the window from ever completing; without a count, a page
     * shorter than {@code pageSize}.
     *
     * @param current the page the answer says it is, missing when it says none
     * @param total the pages the answer says there are ({@code totalField}), missing when it says none
     * @throws IOException when the answer is another page than the one asked for (reading on would never reach the rest),
     *     or a full page without a count (more pages may follow it, and without the current page a server ignoring the
     *     one asked for cannot be told either: taken as the last, it completed the window with the rest never read)
     */
    static boolean last(String endpoint, int page, JsonNode items, JsonNode current, JsonNode total, String totalField,
            int pageSize) throws IOException {
        if (!current.isMissingNode() && current.asInt() != page) {
            throw new IOException(endpoint + " answered page " + current.asText() + " when page " + page + " was asked for");
        }
        if (!total.isIntegralNumber() || !total.canConvertToInt()) {
            if (items.size() >= pageSize) {
                throw new IOException(endpoint + " answered a full page of " + items.size() + " without " + totalField
                        + ": whether more pages follow cannot be told");
            }
            return true;
        }
        return page >= total.asInt() || items.isEmpty();
    }
}
