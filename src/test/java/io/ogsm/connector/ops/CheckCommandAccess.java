package io.ogsm.connector.ops;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** Lets tests of other packages run the {@code check} command as {@code Main} does. */
public final class CheckCommandAccess {

    private CheckCommandAccess() {
    }

    public static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        return CheckCommand.run(args, env, out, err);
    }
}
