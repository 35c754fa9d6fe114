# Sourced by ./initlab and bench/run: find_jdk prints the home of the newest JDK 25 or later on
# this machine (looking at $INITLAB_JAVA_HOME, $JAVA_HOME, /usr/lib/jvm, /opt/java, /opt/jdk*,
# ~/.sdkman, ~/.jdks, macOS's JavaVirtualMachines and the java on PATH), or nothing.

java_major() { # the feature version of the java at $1, or nothing
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

find_jdk() {
  local candidates=()
  [ -n "${INITLAB_JAVA_HOME:-}" ] && candidates+=("$INITLAB_JAVA_HOME")
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  local d
  for d in /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* \
           /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$d" ] && candidates+=("$d")
  done
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  local best="" best_major=0 m
  for d in "${candidates[@]}"; do
    [ -x "$d/bin/java" ] && [ -x "$d/bin/javac" ] || continue
    m="$(java_major "$d/bin/java")"
    [ -n "$m" ] || continue
    if [ "$m" -ge 25 ] && [ "$m" -gt "$best_major" ]; then best="$d"; best_major="$m"; fi
  done
  printf '%s' "$best"
}
