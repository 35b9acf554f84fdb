#!/usr/bin/env bash
# Builds the images docker-compose.yml runs, with or without a container registry.
#
#   deploy/images.sh [--bases-only] [--offline | --online]
#
# online  (a registry answers): the services' Jib images on the documented base
#         (quarkus.jib.base-jvm-image in their application.properties); Kafka is apache/kafka.
# offline (no registry answers, or --offline): first two base images from recipes in
#         deploy/offline/, each tagged with a hash of its recipe and reused while the recipe is
#         unchanged: neurohpo/jre17-debian (debootstrap + openjdk-17-jre-headless, docker import)
#         and neurohpo/kafka-offline (Kafka 4.1.2 from Maven Central, apache/kafka's KAFKA_*
#         environment); then the Jib images on docker://neurohpo/jre17-debian:<hash>.
# --bases-only: only the base images (CI builds the services' images inside `mvn verify`).
# Writes deploy/.images.env (NEUROHPO_JRE_IMAGE, NEUROHPO_KAFKA_IMAGE, NEUROHPO_JIB_BASE), which
# deploy/test-compose.sh, the compose test of deploy-check and `docker compose --env-file` read.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=auto bases_only=0
for a in "$@"; do
  case "$a" in
    --offline) mode=offline ;;
    --online) mode=online ;;
    --bases-only) bases_only=1 ;;
    *) echo "usage: deploy/images.sh [--bases-only] [--offline|--online]" >&2; exit 2 ;;
  esac
done
kafka_version=4.1.2
online_base="$(sed -n 's/^quarkus.jib.base-jvm-image=//p' optimizer-service/src/main/resources/application.properties)"
if [[ "$mode" == auto ]]; then
  if timeout 60 docker pull -q "apache/kafka:$kafka_version" >/dev/null 2>&1 \
     && timeout 60 docker pull -q "$online_base" >/dev/null 2>&1; then
    mode=online
    echo "images: registries answer, using apache/kafka and $online_base" >&2
  else
    mode=offline
    echo "images: no registry answered, building offline" >&2
  fi
fi

recipe_hash() { (cd "$1" && find . -path ./target -prune -o -type f -print | LC_ALL=C sort | xargs sha256sum; echo "${2:-}") | sha256sum | cut -c1-12; }
have_image() { docker image inspect "$1" >/dev/null 2>&1; }

if [[ "$mode" == offline ]]; then
  jre="neurohpo/jre17-debian:$(recipe_hash deploy/offline/jre)"
  if have_image "$jre"; then
    echo "images: $jre exists (recipe unchanged), reused" >&2
  else
    echo "images: building $jre (debootstrap, a few minutes)" >&2
    start=$SECONDS
    bash deploy/offline/jre/build.sh "$jre" >&2
    echo "images: $jre built in $((SECONDS - start)) s" >&2
  fi
  kafka="neurohpo/kafka-offline:$kafka_version-$(recipe_hash deploy/offline/kafka "$jre")"
  if have_image "$kafka"; then
    echo "images: $kafka exists (recipe unchanged), reused" >&2
  else
    echo "images: building $kafka" >&2
    start=$SECONDS
    mvn -B -q -ntp -f deploy/offline/kafka/pom.xml package >&2
    docker build -q --build-arg "BASE=$jre" --label org.neurohpo.kafka-version=$kafka_version \
      -t "$kafka" deploy/offline/kafka >/dev/null
    echo "images: $kafka built in $((SECONDS - start)) s" >&2
  fi
  jib_base="docker://$jre"
else
  jre="$online_base"
  kafka="apache/kafka:$kafka_version"
  jib_base="$online_base"
fi
cat > deploy/.images.env <<ENV
NEUROHPO_JRE_IMAGE=$jre
NEUROHPO_KAFKA_IMAGE=$kafka
NEUROHPO_JIB_BASE=$jib_base
ENV
if [[ "$bases_only" == 0 ]]; then
  echo "images: building the services' images with Jib on $jib_base" >&2
  start=$SECONDS
  mvn -B -q -ntp -pl optimizer-service,results-service,evaluator-service -am -DskipTests package \
    -Dquarkus.container-image.build=true "-Dquarkus.jib.base-jvm-image=$jib_base" >&2
  echo "images: services built in $((SECONDS - start)) s" >&2
fi
cat deploy/.images.env
