package io.creditguard;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Gives each surefire fork its own ports: the test profile's Lambda and gateway ports
 * ({@code test.lambda-port}, {@code test.gateway-port}, README's two commands) are moved up by 100 for each
 * fork after the first ({@code test.fork}, set by dev/pom.xml), before any test class or Quarkus start reads
 * them. Without a fork number (a test run from an IDE) nothing moves.
 */
public final class ForkPorts implements LauncherSessionListener {

    private static final String MOVED = "test.fork.ports-moved";

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        int fork = Integer.getInteger("test.fork", 1);
        // A fork may open more than one launcher session (the suite engine launches its own); the ports move once.
        if (fork <= 1 || System.getProperty(MOVED) != null) {
            return;
        }
        move("test.lambda-port", 8081, fork);
        move("test.gateway-port", 8089, fork);
        System.setProperty(MOVED, "true");
    }

    /** {@code standard} repeats Events' default: reading Events here would fix its ports before they move. */
    private static void move(String property, int standard, int fork) {
        System.setProperty(property, Integer.toString(Integer.getInteger(property, standard) + 100 * (fork - 1)));
    }
}
