#!/usr/bin/env bash
# kafka-run-class.sh of the offline image: the jars of deploy/offline/kafka/pom.xml in /opt/kafka/libs.
# KAFKA_HEAP_OPTS, KAFKA_JVM_PERFORMANCE_OPTS and KAFKA_OPTS as in Apache Kafka's script.
main="$1"; shift
heap="${KAFKA_HEAP_OPTS:--Xmx256m}"
perf="${KAFKA_JVM_PERFORMANCE_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto}"
log="-Dorg.slf4j.simpleLogger.defaultLogLevel=${KAFKA_LOG_LEVEL:-warn} -Dorg.slf4j.simpleLogger.logFile=System.out"
# shellcheck disable=SC2086
exec java $heap $perf $log ${KAFKA_OPTS:-} -cp '/opt/kafka/libs/*' "$main" "$@"
