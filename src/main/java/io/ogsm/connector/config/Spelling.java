package io.ogsm.connector.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * The closest of some known names to a misspelt one, for "did you mean ...?" in messages: Levenshtein distance,
 * ties to the name with the same first letter. Ten lines, for short names; no library on the class path has it.
 */
public final class Spelling {

    private Spelling() {
    }

    /** The known name closest to {@code name}, if it is close enough to be what was meant. */
    public static Optional<String> closest(String name, Collection<String> known) {
        return known.stream()
                .min(Comparator.<String>comparingInt(k -> distance(k, name))
                        .thenComparing(k -> name.isEmpty() || k.isEmpty() || k.charAt(0) != name.charAt(0)))
                .filter(k -> distance(k, name) <= Math.max(2, name.length() / 3));
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
