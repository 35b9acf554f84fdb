#!/usr/bin/env bash
# Builds a Java 17 runtime base image from Debian packages only: debootstrap (minbase) with
# openjdk-17-jre-headless, imported with `docker import`. No registry needed, only a Debian mirror.
#   deploy/offline/jre/build.sh TAG          (deploy/images.sh calls it with a hash of this folder)
# The image has user 185 (group 0, home /deployments), the user the service images run as.
set -euo pipefail
tag="$1"
suite="${NEUROHPO_DEBIAN_SUITE:-bookworm}"
mirror="${NEUROHPO_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
command -v debootstrap >/dev/null || { echo "debootstrap is missing: apt-get install debootstrap" >&2; exit 1; }
root="$(mktemp -d /tmp/neurohpo-jre-rootfs.XXXXXX)"
chmod 755 "$root"
cleanup() { umount "$root/proc" "$root/sys" 2>/dev/null || true; rm -rf --one-file-system "$root" "$root.log" || true; }
trap cleanup EXIT
# downloaded packages are kept for the next build (same machine, e.g. the next CI run)
cache=/var/cache/neurohpo-debootstrap
mkdir -p "$cache"
debootstrap --variant=minbase --include=openjdk-17-jre-headless,ca-certificates --cache-dir="$cache" \
  "$suite" "$root" "$mirror" > "$root.log" 2>&1 || { tail -30 "$root.log" >&2; exit 1; }
chroot "$root" groupadd -f -g 0 root >/dev/null 2>&1 || true
chroot "$root" useradd -r -u 185 -g 0 -d /deployments -M -s /usr/sbin/nologin -c "neurohpo services" neurohpo
mkdir -p "$root/deployments"
chown 185:0 "$root/deployments"
chmod 775 "$root/deployments"
# only the runtime is needed: drop caches, docs, manuals, locales
rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/* "$root"/usr/share/doc/* \
  "$root"/usr/share/man/* "$root"/usr/share/info/* "$root"/var/log/* "$root"/tmp/* \
  "$root"/usr/share/locale/*
java_home="/usr/lib/jvm/$(ls "$root/usr/lib/jvm" | grep -m1 '^java-17-openjdk')"
tar -C "$root" --numeric-owner -c . | docker import \
  --change "ENV JAVA_HOME=$java_home" \
  --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change 'ENV LANG=C.UTF-8' \
  --change 'WORKDIR /deployments' \
  --change 'LABEL org.neurohpo.recipe=deploy/offline/jre' \
  --change 'CMD ["bash"]' \
  - "$tag" >/dev/null
version="$(docker run --rm "$tag" java -version 2>&1)"
echo "${version%%$'\n'*}"
