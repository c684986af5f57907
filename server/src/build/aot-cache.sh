#!/usr/bin/env bash
# Build step (mvn package, unix): installs the launcher target/strata and, when a JDK 25 or newer is on this
# machine, trains an AOT cache for it (target/strata.aot, JEP 483/514/515) with the same session as the CDS archive.
# The JDK is STRATA_AOT_JAVA, else JAVA_HOME's, else the newest under /usr/lib/jvm, /opt/java, ~/.sdkman or
# ~/.jdks whose major version is 25+. None found: the launcher uses the CDS archive; nothing fails.
set -u
target=$1
cp "$(dirname "$0")/../main/dist/strata" "$target/strata" && chmod +x "$target/strata"
rm -f "$target/strata.aot" "$target/strata.aot.java"

major() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | cut -d. -f1; }
candidates() {
  [ -n "${STRATA_AOT_JAVA:-}" ] && echo "$STRATA_AOT_JAVA"
  [ -n "${JAVA_HOME:-}" ] && echo "$JAVA_HOME/bin/java"
  for d in /usr/lib/jvm/* /opt/java/* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*; do
    [ -x "$d/bin/java" ] && echo "$d/bin/java"
  done
}
java=""
best=0
while read -r c; do
  [ -x "$c" ] || continue
  m=$(major "$c")
  if [ -n "$m" ] && [ "$m" -ge 25 ] && [ "$m" -gt "$best" ]; then best=$m; java=$(readlink -f "$c"); fi
done < <(candidates)
if [ -z "$java" ]; then
  echo "strata build: no JDK 25+ found: no AOT cache (the launcher uses the CDS archive)"
  exit 0
fi
if "$java" -XX:AOTCacheOutput="$target/strata.aot" -Xlog:disable -Xlog:all=error:stderr \
    -jar "$target/strata-server.jar" cds-training >/dev/null 2>"$target/strata.aot.log" && [ -f "$target/strata.aot" ]; then
  echo "$java" > "$target/strata.aot.java"
  echo "strata build: AOT cache for $java ($(du -h "$target/strata.aot" | cut -f1))"
else
  echo "strata build: AOT cache training failed (see $target/strata.aot.log); the launcher uses the CDS archive"
  rm -f "$target/strata.aot"
fi
exit 0
