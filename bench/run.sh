#!/usr/bin/env bash
# The benchmarks of README's Performance section, run from dev/ (the module holding every function and the
# load drivers among its tests). Results: dev/target/bench/cold-start.{md,csv}, batch.csv, pdf-run.txt,
# s3-run.txt, jmh.csv, fortnox-sync.txt, reader.txt, logs under dev/target/bench/logs. Takes about 20 minutes
# on 2 cores with 9 runs.
#   bench/run.sh [cold-start runs per row, default 9]
#   bench/run.sh cold-start [runs]      only the cold starts (about 8 minutes)
#   bench/run.sh profile [runs]         where each function's start goes, by phase, under async-profiler (taken
#                                       from Maven Central; default 3 runs, about 2 minutes): cold-start-profile.md
#   BENCH_BEFORE=<zip> bench/run.sh …   also each function from that one all-functions zip (the layout before
#                                       one module per function: an older commit's target/function.zip), interleaved
#   BENCH_BEFORE=<folder> bench/run.sh …  also each function from <folder>/<module>.zip (an older commit's
#                                       functions/<module>/target/function.zip, copied), interleaved
#   BENCH_ONLY=webhooks,connections bench/run.sh …  the bare functions and the named ones only
#   BENCH_JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java bench/run.sh cold-start|profile …  the functions started
#                                       on that JVM (the build and every other step keep the default one)
#   BENCH_TOOL_OPTIONS="-XX:… …" bench/run.sh cold-start …  every start also made with JAVA_TOOL_OPTIONS set to
#                                       that instead of the template's, in the same rounds (rows "given")
#   BENCH_CPU_SHARE=0.29 bench/run.sh cold-start …  every function's JVM held to that share of one processor, as
#                                       Lambda gives 512 MB (needs root: a cgroup v1 cpu group)
set -euo pipefail
cd "$(dirname "$0")/.."
ONLY_COLD_START=false
PROFILE=false
if [ "${1:-}" = cold-start ]; then ONLY_COLD_START=true; shift; fi
if [ "${1:-}" = profile ]; then PROFILE=true; shift; fi
if $PROFILE; then RUNS="${1:-3}"; else RUNS="${1:-9}"; fi

# Every function's zip, dev/target/lambda-runtime (the runtime interface client), dev's test classes and class path
./mvnw -q package -DskipTests dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
./mvnw -q -f bench/pom.xml package -DskipTests        # the bare Funqy yardsticks, with and without Qute
cd dev

if $PROFILE; then
  # async-profiler's Linux x64 agent, as its project publishes it on Maven Central
  ../mvnw -q dependency:copy -Dartifact=tools.profiler:async-profiler:4.2:jar:linux-x64 -DoutputDirectory=target/bench/tools
  unzip -o -q -d target/bench/tools target/bench/tools/async-profiler-4.2-linux-x64.jar 'linux-x64/*'
  ${BENCH_JAVA:-java} -Dbench.profile=target/bench/tools/linux-x64/libasyncProfiler.so ${BENCH_ONLY:+-Dbench.only=$BENCH_ONLY} \
    -cp target/test-classes ../bench/ColdStart.java "$RUNS"
  exit 0
fi

# 1. Cold start through the AWS Lambda Java Runtime Interface Client, against a local Runtime API.
${BENCH_JAVA:-java} ${BENCH_BEFORE:+-Dbench.before=$BENCH_BEFORE} ${BENCH_ONLY:+-Dbench.only=$BENCH_ONLY} \
  ${BENCH_TOOL_OPTIONS:+"-Dbench.tool-options=$BENCH_TOOL_OPTIONS"} ${BENCH_CPU_SHARE:+-Dbench.cpu-share=$BENCH_CPU_SHARE} \
  -cp target/test-classes ../bench/ColdStart.java "$RUNS"
if $ONLY_COLD_START; then exit 0; fi

# 2. The reminder run over synthetic books (as the daily run finds them, and never run before), beside a
#    parse-only pass, in 256 MiB of heap.
rm -f target/bench/batch.csv
for state in daily first-run; do
  for n in 10000 100000 1000000; do
    rm -rf "target/bench/book-$state-$n"
    java -Xmx256m -cp "target/test-classes:target/classes:$(cat target/cp.txt)" \
      io.creditguard.reminders.ReminderRunLoad "target/bench/book-$state-$n" "$n" dry "$state" | grep '^book='
  done
done
# 2b. The first run over 10 000 invoices writing every letter as text, HTML and PDF (no mail), on one core.
rm -rf target/bench/book-pdf-10000
taskset -c 0 java -XX:ActiveProcessorCount=1 -Xmx256m -cp "target/test-classes:target/classes:$(cat target/cp.txt)" \
  io.creditguard.reminders.ReminderRunLoad target/bench/book-pdf-10000 10000 first-run | grep '^book=' \
  | tee target/bench/pdf-run.txt
# 3. The first run over 10 000 invoices in an S3-compatible store behind 20 ms a request, writing 32 at a time.
java -cp "target/test-classes:target/classes:$(cat target/cp.txt)" io.creditguard.reminders.ReminderRunOnS3Load 10000 32 \
  | grep '^s3 ' | tee target/bench/s3-run.txt
# 4. Warm latency of the hot paths and of one event through a handler (JMH).
java -cp "target/test-classes:target/classes:$(cat target/cp.txt)" org.openjdk.jmh.Main \
  -f 1 -wi 3 -w 1s -i 5 -r 1s -rf csv -rff target/bench/jmh.csv
# 5. One first sync of 1 000 Fortnox invoices against the local Fortnox, on the wall clock at Fortnox's pace.
rm -rf target/bench/fortnox-sync
java -cp "target/test-classes:target/classes:$(cat target/cp.txt)" io.creditguard.connections.FortnoxSyncLoad \
  target/bench/fortnox-sync 1000 | grep '^fortnox ' | tee target/bench/fortnox-sync.txt

# 6. The iXBRL reader on the largest report tested (a listed group's zip: a cover page and a nested ESEF
#    package, 5.7 MB of XHTML): megabytes of XHTML a second and the peak heap, in 32 MiB and in 256 MiB.
for heap in 32m 256m; do
  java -Xmx$heap -cp "target/test-classes:target/classes:$(cat target/cp.txt)" io.creditguard.filings.ReaderLoad \
    ../domain/filings/src/test/resources/filings/5568022171_BONESUPPORT_HOLDING_AB_2022.zip 30
done | tee target/bench/reader.txt

cat target/bench/cold-start.md
