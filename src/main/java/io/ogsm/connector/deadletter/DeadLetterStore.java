package io.ogsm.connector.deadletter;

import io.ogsm.connector.files.DurableFiles;
import io.ogsm.connector.ogsm.OgsmJson;
import io.ogsm.connector.pipeline.FailureReason;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Dead letters as one JSON file each in {@code <data-dir>/deadletter/}, written durably ({@link DurableFiles}), so a
 * reader never sees half a document and a crash loses none. Ids are checked against a strict pattern
 * before they touch the file system, so no id can escape the folder.
 */
public class DeadLetterStore {

    private static final Logger LOG = Logger.getLogger(DeadLetterStore.class);
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,80}");

    private final Path folder;

    public DeadLetterStore(Path folder) {
        this.folder = folder;
        try {
            DurableFiles.createFolders(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the dead-letter folder " + folder, e);
        }
    }

    public Path folder() {
        return folder;
    }

    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    public void write(DeadLetter letter) {
        try {
            DurableFiles.write(file(letter.id()), OgsmJson.mapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsBytes(letter));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write dead letter " + letter.id() + " to " + folder, e);
        }
    }

    public Optional<DeadLetter> find(String id) {
        if (!isValidId(id)) {
            return Optional.empty();
        }
        Path file = file(id);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(OgsmJson.mapper().readValue(file.toFile(), DeadLetter.class));
        } catch (IOException e) {
            LOG.warnf("Dead letter %s is unreadable: %s", file, e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /**
     * Which dead letters: of one reason, one source kind, one file (a dropped file's {@code source.file}, also as the
     * original of a replay), each optional.
     */
    public record Filter(Optional<FailureReason> reason, Optional<String> sourceKind, Optional<String> file) {

        public static final Filter ALL = new Filter(Optional.empty(), Optional.empty(), Optional.empty());

        public boolean isAll() {
            return reason.isEmpty() && sourceKind.isEmpty() && file.isEmpty();
        }

        boolean test(DeadLetter l) {
            return (reason.isEmpty() || reason.get() == l.reason())
                    && (sourceKind.isEmpty() || l.source() != null && sourceKind.get().equals(l.source().kind().key()))
                    && (file.isEmpty() || l.source() != null && (file.get().equals(l.source().get("file"))
                            || file.get().equals(l.source().get("original_file"))));
        }
    }

    /** Dead letters, newest first, optionally of one reason and/or one source kind. */
    public List<DeadLetter> list(Optional<FailureReason> reason, Optional<String> sourceKind, int limit) {
        return list(new Filter(reason, sourceKind, Optional.empty()), limit);
    }

    /** Removes every dead letter the filter takes; how many. */
    public int removeAll(Filter filter) {
        int removed = 0;
        for (DeadLetter letter : list(filter, Integer.MAX_VALUE)) {
            removed += remove(letter.id()) ? 1 : 0;
        }
        return removed;
    }

    /** Dead letters, newest first, that the filter takes. */
    public List<DeadLetter> list(Filter filter, int limit) {
        List<DeadLetter> letters = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.json")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                find(name.substring(0, name.length() - ".json".length()))
                        .filter(filter::test)
                        .ifPresent(letters::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
        letters.sort(Comparator.comparing(DeadLetter::deadLetteredAt, Comparator.nullsLast(Comparator.reverseOrder())));
        return letters.size() > limit ? letters.subList(0, limit) : letters;
    }

    /** Removes a dead letter (after a successful replay, or when discarded); false if there was none. */
    public boolean remove(String id) {
        if (!isValidId(id)) {
            return false;
        }
        try {
            return Files.deleteIfExists(file(id));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove dead letter " + id, e);
        }
    }

    private Path file(String id) {
        if (!isValidId(id)) {
            throw new IllegalArgumentException("not a dead-letter id: " + id);
        }
        return folder.resolve(id + ".json");
    }
}
