package io.creditguard;

import org.junit.platform.suite.api.ExcludeClassNamePatterns;
import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/** Every test class of dev that {@link FirstHalfSuite} does not run, in the other surefire fork. */
@Suite
@SelectPackages("io.creditguard")
@IncludeClassNamePatterns("io\\.creditguard\\..*\\.[^.$]*(Test|Tests|TestCase)")
@ExcludeClassNamePatterns(FirstHalfSuite.CLASSES)
public class SecondHalfSuite {
}
