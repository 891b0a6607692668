# shellcheck shell=bash
# Sourced by the project's scripts: exports JAVA_HOME pointing at a JDK >= 21 and puts its
# bin/ first on PATH. Looks at $JAVA_HOME first, then every JDK under /usr/lib/jvm (newest
# first), then the `java` on PATH. Fails with a clear message when none qualifies.

windjammer_jdk_major() {
  # prints the feature version of the JDK at $1 (e.g. 25), or nothing
  local home=$1 line
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 0
  if [ -r "$home/release" ]; then
    line=$(grep -E '^JAVA_VERSION=' "$home/release" | head -n 1)
    line=${line#JAVA_VERSION=}
    line=${line//\"/}
  else
    line=$("$home/bin/java" -version 2>&1 | head -n 1 | sed -E 's/.*version "([^"]+)".*/\1/')
  fi
  line=${line#1.}
  printf '%s\n' "${line%%[.+-]*}"
}

windjammer_find_jdk() {
  local candidate major best="" best_major=0
  if [ -n "${JAVA_HOME:-}" ]; then
    major=$(windjammer_jdk_major "$JAVA_HOME")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      printf '%s\n' "$JAVA_HOME"
      return 0
    fi
  fi
  for candidate in /usr/lib/jvm/*; do
    [ -d "$candidate" ] || continue
    major=$(windjammer_jdk_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best=$candidate
      best_major=$major
    fi
  done
  if [ -z "$best" ] && command -v javac >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    major=$(windjammer_jdk_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      best=$candidate
    fi
  fi
  [ -n "$best" ] && printf '%s\n' "$best"
}

WINDJAMMER_JDK=$(windjammer_find_jdk)
if [ -z "$WINDJAMMER_JDK" ]; then
  echo "error: Windjammer needs a JDK 21 or newer (it is tested on 25)." >&2
  echo "       JAVA_HOME=${JAVA_HOME:-<unset>} is not one, none was found under /usr/lib/jvm," >&2
  echo "       and the java on PATH is older. Install one (e.g. Temurin 25) and set JAVA_HOME." >&2
  exit 1
fi
export JAVA_HOME=$WINDJAMMER_JDK
export PATH="$JAVA_HOME/bin:$PATH"
