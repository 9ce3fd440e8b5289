package io.creditguard;

import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * The first half of dev's tests: the credit check, the customers' pages and the reference rates.
 * {@link SecondHalfSuite} runs every other test class, so each class runs in exactly one half whatever is
 * added. Surefire runs the two halves in two forks side by side (dev/pom.xml), which took dev's tests from
 * about 5 min 50 s to under 4 min on two cores.
 *
 * <p>The split is by package, chosen so that the halves take about as long (the browser tests of these
 * packages take half of this one) and the Quarkus test profiles fall apart too: the sign-in,
 * filed-accounts, customers and rates profiles are built and started in this fork only, the other
 * functions' in the other. Only the default profile is built in both; its store is the fork's own
 * ({@code target/test-store-<fork>}), as are the ports ({@link ForkPorts}).
 */
@Suite
@SelectPackages("io.creditguard")
@IncludeClassNamePatterns(FirstHalfSuite.CLASSES)
public class FirstHalfSuite {

    /** The test classes of this half: surefire's own name patterns, in these packages. */
    static final String CLASSES = "io\\.creditguard\\.(credit|customers|rates)\\.[^.$]*(Test|Tests|TestCase)";
}
