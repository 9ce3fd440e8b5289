package io.creditguard.customers;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The lines of one spill file chained by customer: a table keyed by the id's hash, its collisions told apart by
 * the id's bytes, and for each line the offset of the next line of its customer. No string is made of an id
 * until the customers are listed, once each.
 */
final class CustomerChains {

    /** A customer of the file and the number of its first line. */
    record Customer(String id, int first) {
    }

    private final ByteBuffer data;
    private int[] slotHash = new int[1024];
    /** Per slot: 1 + the number of the customer's first line, 0 for an empty slot. */
    private int[] slotFirst = new int[1024];
    private int[] slotLast = new int[1024];
    private int[] slotIdAt = new int[1024];
    private int customers;
    private int[] offsets = new int[1024];
    private int[] next = new int[1024];
    private int lines;

    CustomerChains(ByteBuffer data) {
        this.data = data;
    }

    /**
     * @param idAt where the line's customer id starts (at its count) in the file's bytes
     * @param offset where the line itself starts
     */
    void add(int hash, int idAt, int offset) {
        if (lines == offsets.length) {
            offsets = Arrays.copyOf(offsets, 2 * lines);
            next = Arrays.copyOf(next, 2 * lines);
        }
        int line = lines++;
        offsets[line] = offset;
        next[line] = -1;
        if (2 * (customers + 1) > slotHash.length) {
            grow();
        }
        int slot = find(hash, idAt);
        if (slotFirst[slot] == 0) {
            slotHash[slot] = hash;
            slotIdAt[slot] = idAt;
            slotFirst[slot] = line + 1;
            customers++;
        } else {
            next[slotLast[slot]] = line;
        }
        slotLast[slot] = line;
    }

    /** The slot of the id at {@code idAt}, or the empty one it goes into. */
    private int find(int hash, int idAt) {
        int mask = slotHash.length - 1;
        for (int slot = mix(hash) & mask;; slot = (slot + 1) & mask) {
            if (slotFirst[slot] == 0 || slotHash[slot] == hash && sameId(slotIdAt[slot], idAt)) {
                return slot;
            }
        }
    }

    private static int mix(int hash) {
        return hash ^ (hash >>> 16);
    }

    private boolean sameId(int a, int b) {
        int length = data.getInt(a);
        return length == data.getInt(b) && Arrays.equals(data.array(), a + 4, a + 4 + length, data.array(), b + 4,
                b + 4 + length);
    }

    private void grow() {
        int[] hashes = slotHash;
        int[] firsts = slotFirst;
        int[] lasts = slotLast;
        int[] ids = slotIdAt;
        slotHash = new int[2 * hashes.length];
        slotFirst = new int[2 * hashes.length];
        slotLast = new int[2 * hashes.length];
        slotIdAt = new int[2 * hashes.length];
        int mask = slotHash.length - 1;
        for (int i = 0; i < hashes.length; i++) {
            if (firsts[i] != 0) {
                int slot = mix(hashes[i]) & mask;
                while (slotFirst[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                slotHash[slot] = hashes[i];
                slotFirst[slot] = firsts[i];
                slotLast[slot] = lasts[i];
                slotIdAt[slot] = ids[i];
            }
        }
    }

    /** Every customer of the file, by id. */
    List<Customer> byId() {
        List<Customer> all = new ArrayList<>(customers);
        for (int slot = 0; slot < slotHash.length; slot++) {
            if (slotFirst[slot] != 0) {
                int at = slotIdAt[slot];
                all.add(new Customer(new String(data.array(), at + 4, data.getInt(at), StandardCharsets.UTF_8),
                        slotFirst[slot] - 1));
            }
        }
        all.sort(Comparator.comparing(Customer::id));
        return all;
    }

    int offset(int line) {
        return offsets[line];
    }

    /** The number of the customer's line after {@code line}, or -1. */
    int next(int line) {
        return next[line];
    }
}
