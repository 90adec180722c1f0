package io.ogsm.connector.source.csv;

import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import org.jboss.logging.Logger;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the csv-drop route's file consumer may look at, decided before it locks, reads or moves anything: the inbox
 * and its real subfolders only. A link to a folder is not followed (moving a file found through it would take it
 * from its owner outside the inbox), and a name that cannot be handled safely (a line break or other control
 * character, a backslash, which Camel reads as a folder separator, or more than {@value #MAX_NAME_BYTES} bytes) is
 * left where it is. Each is reported once at WARN, naming the entry and what to do. Temporary files and locks
 * ({@link CsvDropFolder#isTemporary}) are left alone silently.
 */
public final class CsvInboxFilter implements GenericFileFilter<File> {

    private static final Logger LOG = Logger.getLogger(CsvInboxFilter.class);
    static final int MAX_NAME_BYTES = 200;

    private final Path inbox;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();
    private final java.util.function.BooleanSupplier open;

    public CsvInboxFilter(Path inbox) {
        this(inbox, () -> true);
    }

    /** @param open whether files may be read now: not while the intake profiles are invalid ({@link IntakeSetup}) */
    public CsvInboxFilter(Path inbox, java.util.function.BooleanSupplier open) {
        this.inbox = inbox.toAbsolutePath().normalize();
        this.open = open;
    }

    @Override
    public boolean accept(GenericFile<File> file) {
        if (!open.getAsBoolean()) {
            return false; // the start stops with the profiles' faults; no file is read without its profile
        }
        Path path = Path.of(file.getAbsoluteFilePath());
        if (!file.isDirectory() && CsvDropFolder.isTemporary(file.getFileNameOnly())) {
            return false; // still being written, or a lock: left alone without a word
        }
        String problem = problem(path, file.isDirectory());
        if (problem == null) {
            return true;
        }
        if (reported.add(path.toString())) {
            LOG.warnf("CSV inbox: %s %s; it is left where it is", CsvDropFolder.printable(path.toString()), problem);
        }
        return false;
    }

    /** Why the entry is not taken, or null when it is. */
    String problem(Path path, boolean directory) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        if (name.chars().anyMatch(Character::isISOControl)) {
            return "has a line break or control character in its name: rename it";
        }
        if (name.indexOf('\\') >= 0) {
            return "has a backslash in its name: rename it";
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            return "has a name longer than " + MAX_NAME_BYTES + " bytes: rename it";
        }
        if (directory && Files.isSymbolicLink(path)) {
            return "is a link to a folder, which is not followed: copy the files into the inbox";
        }
        try {
            Path real = (directory ? path : path.getParent()).toRealPath();
            if (!real.startsWith(inbox.toRealPath())) {
                return "lies outside the inbox (through a link): copy it into the inbox";
            }
        } catch (IOException gone) {
            return null; // removed meanwhile: the consumer skips it by itself
        }
        return null;
    }
}
